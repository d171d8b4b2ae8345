"""Page tokens (`engram.domain.paging`): round trip, binding to the listing, canonical form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engram.domain.paging import MAX_TOKEN_CHARS, Listing
from engram.errors import InvalidArgument

EDGES = Listing("edges", ("ns", "hub"))
ids = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=128)


@given(ids)
def test_a_token_round_trips_in_its_own_listing_only(last: str) -> None:
    token = EDGES.token(last)
    assert EDGES.after(token) == last
    assert len(token) <= MAX_TOKEN_CHARS or len(last.encode()) > 512
    for other in (Listing("edges", ("ns", "hub2")), Listing("edges", ("ns2", "hub")),
                  Listing("confidence", ("ns",)), Listing("edges", ("nshub",)), Listing("namespaces")):
        with pytest.raises(InvalidArgument) as info:
            other.after(token)
        assert info.value.field == "page_token"


def test_scope_fields_are_length_prefixed() -> None:
    # ("ab", "c") and ("a", "bc") would collide if the fields were only concatenated
    token = Listing("edges", ("ab", "c")).token("x")
    with pytest.raises(InvalidArgument):
        Listing("edges", ("a", "bc")).after(token)


def test_empty_is_the_first_page_and_other_spellings_are_refused() -> None:
    assert EDGES.after("") is None
    token = EDGES.token("n1")
    # the same bytes with padding, with a different unused last bit, or in standard base64
    last = token[-1]
    sibling = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    spelled = [token + "=" * (-len(token) % 4 or 4), token[:-1] + sibling[sibling.index(last) ^ 1],
               token.replace("-", "+").replace("_", "/") + "+"]
    for other in spelled:
        with pytest.raises(InvalidArgument, match="page_token"):
            EDGES.after(other)
    assert EDGES.after(token) == "n1"
