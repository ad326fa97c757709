"""Measuring rasd: the yardstick's scoring rules, `rasd eval` and `rasd bench`."""
