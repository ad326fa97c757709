"""schemathesis against the desk's OpenAPI description: for a bounded number of generated
requests per operation, valid and not, the desk never answers with a server error (5xx)."""

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")

from conftest import store_of_the_samples  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from rasd.serve.api import create_app  # noqa: E402
from rasd.serve.settings import DeskSettings  # noqa: E402
from rasd.serve.url_fetch import UrlRefused  # noqa: E402

TOKEN = "schema-test"
EXAMPLES = 30  # per operation: bounded, so that CI stays quick


def no_dns(host: str, port: int) -> list[str]:
    raise UrlRefused(f"{host}: no names are looked up in this test")


def desk_app(tmp_path_factory):
    path = store_of_the_samples(tmp_path_factory.mktemp("schema") / "desk.sqlite")
    return create_app(DeskSettings(db=str(path), token=TOKEN, resolve=no_dns))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return desk_app(tmp_path_factory)


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(api_schema):
    return [result.ok() for result in api_schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_request_makes_the_desk_fail(api_schema, mode):
    tried = []
    for operation in operations(api_schema):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
        def no_server_error(case):
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
            case.validate_response(response, checks=[not_a_server_error])

        try:
            no_server_error()
        except Unsatisfiable:  # no invalid request exists (an operation with no parameters)
            assert mode is GenerationMode.NEGATIVE
            continue
        tried.append(operation.label)
    assert "GET /api/events" in tried and "POST /api/documents" in tried
