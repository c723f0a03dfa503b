"""rules/paragrafer.py: the hint for a stated § range that differs from the series."""
from __future__ import annotations

from generator.rules import paragrafer
from hypothesis import given
from hypothesis import strategies as st


@given(st.integers(1, 500), st.integers(1, 40), st.integers(1, 500), st.integers(1, 40))
def test_series_difference_names_the_gap_or_the_duplicates(a, length, first, derived_length):
    stated, derived = (a, a + length - 1), (first, first + derived_length - 1)
    hint = paragrafer.series_difference(stated, derived)
    assert hint.endswith(f"skriv paragrafer: {first}-{first + derived_length - 1}, eller rätta paragrafserien i registret")
    if a > first:
        assert "lucka" in hint and hint.startswith(f"§ {first}")
    elif a < first:
        assert "dubbletter" in hint and hint.startswith(f"§ {a}")
    else:
        assert hint.startswith(f"sammanträdet har {derived_length} paragrafer, inte {length}")
