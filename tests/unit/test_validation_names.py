"""Namespace and record-id rules (`engram.validation`): what is refused, with which message,
and what stays allowed."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engram import validation
from engram.errors import InvalidArgument

MISLEADING = ("Cc", "Cf", "Cs", "Zl", "Zp")


def refusal(check, value: str, field: str) -> str:
    with pytest.raises(InvalidArgument) as info:
        check(value, field)
    assert info.value.field == field
    return info.value.description


@pytest.mark.parametrize(("name", "rule"), [
    (" ", "must not begin or end with a space"),
    (" team", "must not begin or end with a space"),
    ("team ", "must not begin or end with a space"),
    ("*", "glob characters"), ("team-*", "glob characters"), ("te?m", "glob characters"),
    ("[ab]", "glob characters"), ("a\\b", "glob characters"),
    ("{a}", "'{' or '}'"),
    ("../..", "'..' path segment"), ("..", "'..' path segment"), (".", "'..' path segment"),
    ("a/./b", "'..' path segment"), ("a/..", "'..' path segment"), ("/etc", "begin with '/'"),
    ("\u202eevil", "Cf"), ("a\u200bb", "Cf"), ("\ufeffa", "Cf"), ("a\u00adb", "Cf"), ("a\u2066b", "Cf"),
    ("a\x00b", "control characters"), ("a\x85b", "control characters"), ("a\tb", "control characters"),
    ("a\u2028b", "line separators"), ("a\u2029b", "paragraph separators"),
    ("a\u00a0b", "spaces other than U+0020"), ("a\u3000b", "spaces other than U+0020"),
    ("", "must not be empty"), ("x" * 257, "at most 256 bytes"),
])
def test_a_refused_namespace_names_the_rule(name, rule):
    assert rule in refusal(validation.namespace, name, "namespace")


@pytest.mark.parametrize("name", ["team-a", "team a", "a/b/c", "a..b", "a/.x", "x:y", "équipe", "团队", "🧠",
                                  "e\u0301", "x" * 256, "a.b", "..a", "a/"])
def test_allowed_namespaces(name):
    assert validation.namespace(name) == name


@pytest.mark.parametrize("rid", ["r 1", "a/b", "urn:x:1", "*", "a?b", "[x]", "{r}", "../..", "ü", "🧠", "e\u0301",
                                 "x" * 512, "/abs", "a\\b"])
def test_record_ids_stay_permissive(rid):
    assert validation.record_id(rid) == rid


@pytest.mark.parametrize(("rid", "rule"), [
    (" r", "space"), ("r ", "space"), ("r\u202e1", "Cf"), ("r\u200d1", "Cf"), ("r\n1", "control"),
    ("r\u2028", "line separators"), ("r\u00a01", "spaces other than U+0020"), ("x" * 513, "at most 512"),
])
def test_a_misleading_record_id_is_refused(rid, rule):
    assert rule in refusal(validation.record_id, rid, "updates[3].record_id")


@given(st.characters(categories=MISLEADING), st.text(st.characters(codec="utf-8"), max_size=5))
def test_every_character_of_a_misleading_category_is_refused_anywhere(ch, rest):
    for value in (ch, "a" + ch + "b", "ab" + ch, ch + "ab" + rest):
        for check in (validation.namespace, validation.record_id):
            assert f"U+{ord(ch):04X}" in refusal(check, value, "f")


@given(st.characters(categories=("Zs",)).filter(lambda c: c != " "))
def test_only_the_ascii_space_is_allowed(ch):
    assert "spaces other than U+0020" in refusal(validation.record_id, "a" + ch + "b", "f")
    assert validation.record_id("a b") == "a b"


@given(st.text(st.characters(exclude_categories=(*MISLEADING, "Zs"), exclude_characters="{}*?[]\\/"),
               min_size=1, max_size=40).filter(lambda n: n not in (".", "..")))
def test_printable_names_without_reserved_characters_are_namespaces(name):
    assert validation.namespace(name) == name
    assert validation.record_id(name) == name
    assert all(unicodedata.category(c) not in MISLEADING for c in name)


def test_key_file_prefixes_may_end_where_a_name_goes_on():
    assert validation.namespace_prefix("team ") == "team "
    assert validation.namespace_prefix("a/.") == "a/."
    for bad, rule in ((" team", "space"), ("a?", "glob"), ("../", "path segment"), ("\u202e", "Cf"), ("{", "'{'")):
        assert rule in refusal(validation.namespace_prefix, bad, "namespaces[0]")


@pytest.mark.parametrize("name", [" ", "*", "../..", "\u202eevil", "a\u200bb", "a\u00a0b", "team-*"])
def test_legacy_names_can_still_be_named_for_deletion(name):
    assert validation.legacy_namespace(name) == name
    with pytest.raises(InvalidArgument):
        validation.namespace(name)
    for never_stored in ("", "a\x00b", "{x}", "x" * 257):
        with pytest.raises(InvalidArgument):
            validation.legacy_namespace(never_stored)
