"""Matching predictions with gold events in one document: the pairing of greatest weight
(most pairs, then most agreeing attributes), found with the Hungarian method, under each
variant of the pairing conditions."""

from __future__ import annotations

import math
from dataclasses import dataclass

from rasd.evaluation.scored_events import Comparison, GoldEvent, PredictedEvent, compare

# Pair weights for the assignment, as the yardstick sets them: a pair outweighs the attribute
# agreements of up to 14 other pairs, so in any document of ordinary size the most pairs win
# and attribute agreement chooses among them.
PAIR_WEIGHT = 1000
AGREEMENT_WEIGHT = 10


def _cheapest_assignment(cost: list[list[int]]) -> list[int]:
    """For a square cost matrix, the row assigned to each column in a cheapest assignment
    (Hungarian method: rows are added one at a time along shortest augmenting paths)."""
    size = len(cost)
    # 1-based rows and columns; column 0 is the virtual start of each augmenting path.
    row_potential = [0] * (size + 1)
    column_potential = [0] * (size + 1)
    owner = [0] * (size + 1)  # column -> its row, 0 while free
    for row in range(1, size + 1):
        owner[0] = row
        column = 0
        slack = [math.inf] * (size + 1)
        reached_from = [0] * (size + 1)
        visited = [False] * (size + 1)
        while owner[column] != 0:
            visited[column] = True
            here = owner[column]
            step, nearest = math.inf, 0
            for other in range(1, size + 1):
                if visited[other]:
                    continue
                reduced = cost[here - 1][other - 1] - row_potential[here] - column_potential[other]
                if reduced < slack[other]:
                    slack[other], reached_from[other] = reduced, column
                if slack[other] < step:
                    step, nearest = slack[other], other
            for other in range(size + 1):
                if visited[other]:
                    row_potential[owner[other]] += step
                    column_potential[other] -= step
                else:
                    slack[other] -= step
            column = nearest
        while column:
            previous = reached_from[column]
            owner[column] = owner[previous]
            column = previous
    return [owner[column] - 1 for column in range(1, size + 1)]


def best_pairs(weights: list[list[int]]) -> dict[int, int]:
    """Row -> column pairs of greatest total weight, a weight of 0 forbidding the pair."""
    if not weights or not weights[0]:
        return {}
    rows, columns = len(weights), len(weights[0])
    size = max(rows, columns)
    top = max(max(line) for line in weights)
    cost = [
        [top - (weights[r][c] if r < rows and c < columns else 0) for c in range(size)]
        for r in range(size)
    ]
    pairs = {}
    for column, row in enumerate(_cheapest_assignment(cost)):
        if row < rows and column < columns and weights[row][column] > 0:
            pairs[row] = column
    return pairs


def _pair_weight(comparison: Comparison, variant: Variant) -> int:
    if not comparison.allows(variant.need_date, variant.need_type):
        return 0
    return PAIR_WEIGHT + AGREEMENT_WEIGHT * sum(comparison.agreement.values())


@dataclass(frozen=True)
class Variant:
    name: str
    need_date: bool
    need_type: bool


VARIANTS = (
    Variant("strict", need_date=True, need_type=True),
    Variant("no_date", need_date=False, need_type=True),
    Variant("any_type", need_date=True, need_type=False),
)


@dataclass
class Document:
    """One gold document with the predictions made for it, each compared with each event."""

    doc_id: str
    required: list[GoldEvent]
    optional: list[GoldEvent]
    predictions: list[PredictedEvent]
    comparisons: dict[tuple[int, int, bool], Comparison]  # (prediction, event, optional)

    @classmethod
    def build(cls, doc_id: str, events: list[GoldEvent], predictions: list[dict]) -> Document:
        required = [e for e in events if not e.optional]
        optional = [e for e in events if e.optional]
        predicted = [PredictedEvent.from_dict(p) for p in predictions]
        comparisons = {
            (p, g, is_optional): compare(pred, gold)
            for p, pred in enumerate(predicted)
            for is_optional, group in ((False, required), (True, optional))
            for g, gold in enumerate(group)
        }
        return cls(doc_id, required, optional, predicted, comparisons)

    def match(self, variant: Variant) -> tuple[dict[int, int], list[int]]:
        """Prediction -> required event pairs, and the predictions that pair with nothing."""
        everything = list(range(len(self.predictions)))
        pairs = best_pairs(self._weights(variant, everything, optional=False))
        rest = [p for p in everything if p not in pairs]
        neutral = best_pairs(self._weights(variant, rest, optional=True))
        return pairs, [p for i, p in enumerate(rest) if i not in neutral]

    def _weights(self, variant: Variant, predictions: list[int], optional: bool) -> list[list[int]]:
        events = len(self.optional if optional else self.required)
        return [
            [_pair_weight(self.comparisons[p, g, optional], variant) for g in range(events)]
            for p in predictions
        ]
