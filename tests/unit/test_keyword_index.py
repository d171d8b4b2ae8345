"""KeywordIndex / KeywordRegistry: analyzer, BM25 ranking, upsert / delete, `allowed`, hostile
queries, threads. No Redis: the index is a pure in-process cache."""

from __future__ import annotations

import math
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engram.embeddings.keyword import KeywordIndex, KeywordRegistry


def ids(hits) -> list[str]:
    return [record_id for record_id, _ in hits]


# -- analyzer ----------------------------------------------------------------------------------
def test_analyzer_lowercases_drops_stop_words_and_stems():
    index = KeywordIndex()
    assert index.tokens("The Running DOGS") == ["run", "dog"]
    assert index.tokens("running runs ran") == ["run", "run", "ran"]
    assert index.tokens("this is a test of the analyzer") == ["test", "analyz"]
    assert index.tokens("the and of") == []
    assert index.tokens("") == []


def test_analyzer_splits_on_punctuation_and_keeps_unicode_words():
    index = KeywordIndex()
    assert index.tokens("self-driving cars: (fast)!") == ["self", "drive", "car", "fast"]
    assert index.tokens("Ünïcode naïve") == ["ünïcode", "naïv"]


# -- ranking -----------------------------------------------------------------------------------
def corpus(index: KeywordIndex) -> None:
    index.upsert_many(
        ["common-1", "common-2", "common-3", "rare"],
        ["the cat sat on the mat", "a cat and a dog", "dogs chase cats",
         "a cat met a zeugma in the garden"])


def test_exact_rare_term_ranks_its_document_first():
    index = KeywordIndex()
    corpus(index)
    hits = index.search("cat zeugma", 10)
    assert hits[0][0] == "rare"
    assert hits[0][1] > hits[1][1] > 0
    # "cat" (stemmed "cats") is in every document: all match, the rare term decides.
    assert sorted(ids(hits)) == ["common-1", "common-2", "common-3", "rare"]


def test_stemmed_query_matches_inflected_text():
    index = KeywordIndex()
    index.upsert_many(["a", "b"], ["she was running fast", "a quiet evening"])
    assert ids(index.search("RUNS", 5)) == ["a"]


def test_scores_are_positive_best_first_ties_by_id():
    index = KeywordIndex()
    index.upsert_many(["z", "m", "a", "q"], ["apple pie", "apple pie", "apple pie", "pear tart"])
    hits = index.search("apple", 10)
    assert ids(hits) == ["a", "m", "z"]  # identical documents: equal scores, ids ascending
    assert hits[0][1] == hits[1][1] == hits[2][1] > 0
    assert ids(index.search("apple", 2)) == ["a", "m"]  # the tie at the cut is broken by id too
    # Scores are float32 values given as their shortest decimal.
    assert hits[0][1] == float(repr(hits[0][1]))


def test_stop_word_query_and_unmatched_query_return_nothing():
    index = KeywordIndex()
    corpus(index)
    assert index.search("the and of a", 5) == []
    assert index.search("unicorn", 5) == []
    assert KeywordIndex().search("cat", 5) == []


def test_top_k_must_be_positive():
    with pytest.raises(ValueError, match="top_k"):
        KeywordIndex().search("cat", 0)


def test_mismatched_lengths_are_rejected():
    with pytest.raises(ValueError, match="2 texts for 1 ids"):
        KeywordIndex().upsert_many(["a"], ["x", "y"])


# -- writes ------------------------------------------------------------------------------------
def test_upsert_replaces_text_old_terms_no_longer_match():
    index = KeywordIndex()
    index.upsert_many(["a", "b"], ["alpha beta", "beta gamma"])
    index.upsert("a", "delta")
    assert ids(index.search("alpha", 5)) == []
    assert ids(index.search("delta", 5)) == ["a"]
    assert ids(index.search("beta", 5)) == ["b"]
    assert len(index) == 2


def test_repeated_id_in_one_batch_keeps_the_last_text():
    index = KeywordIndex()
    index.upsert_many(["x", "x"], ["first words", "second words"])
    assert ids(index.search("first", 5)) == []
    assert ids(index.search("second", 5)) == ["x"]
    assert len(index) == 1


def test_delete():
    index = KeywordIndex()
    corpus(index)
    assert index.delete("rare") is True
    assert index.delete("rare") is False
    assert "rare" not in index and len(index) == 3
    assert ids(index.search("zeugma", 5)) == []
    assert "rare" not in ids(index.search("cat", 10))


def test_empty_text_is_held_but_not_matchable():
    index = KeywordIndex()
    index.upsert_many(["bare", "text"], ["", "some words"])
    assert "bare" in index and len(index) == 2
    assert ids(index.search("words", 5)) == ["text"]
    index.upsert("text", "   ")
    assert index.search("words", 5) == []
    index.upsert("bare", "words now")
    assert ids(index.search("words", 5)) == ["bare"]


def test_every_write_is_visible_to_the_next_search():
    index = KeywordIndex()
    for i in range(30):
        index.upsert(f"r{i}", f"token{i} shared")
        assert ids(index.search(f"token{i}", 3)) == [f"r{i}"]
        if i % 3 == 0:
            index.delete(f"r{i}")
            assert index.search(f"token{i}", 3) == []
    index.commit()  # nothing pending: a no-op
    assert len(index.search("shared", 100)) == 20


def test_single_writes_do_not_pile_up_segments():
    # Each publish is a commit of one small segment; merges must run to completion, or every
    # later search and commit would walk one more segment per write.
    index = KeywordIndex()
    index.upsert_many([f"base{i}" for i in range(200)], [f"base text {i}" for i in range(200)])
    for i in range(40):
        index.upsert(f"one{i}", f"single write {i}")
        assert ids(index.search(f"write {i}", 1))
    assert index._searcher.num_segments <= 10
    assert len(index.search("single", 100)) == 40


def test_search_batch_answers_each_query_in_order():
    index = KeywordIndex()
    corpus(index)
    batch = index.search_batch(["zeugma", "the", "mat"], 3)
    assert batch == [index.search("zeugma", 3), [], index.search("mat", 3)]
    assert ids(batch[0]) == ["rare"] and ids(batch[2]) == ["common-1"]


# -- allowed -----------------------------------------------------------------------------------
def test_allowed_returns_the_true_top_k_among_allowed_records_ranked_deep():
    index = KeywordIndex()
    # 300 strong matches ("apple" three times, short) and 20 weak ones (once, long).
    strong = [f"s{i:03d}" for i in range(300)]
    weak = [f"w{i:02d}" for i in range(20)]
    texts = ["apple apple apple"] * 300 + ["apple " + " ".join(["pad"] * (i + 10)) for i in range(20)]
    index.upsert_many(strong + weak, texts)
    everything = index.search("apple", 400)
    assert len(everything) == 320 and set(ids(everything[-20:])) == set(weak)
    wanted = {"w03", "w07", "w11", "w19", "s150"}
    hits = index.search("apple", 3, allowed=wanted.__contains__)
    expected = [h for h in everything if h[0] in wanted][:3]
    assert hits == expected
    assert ids(hits)[0] == "s150"
    # Fewer allowed matches than k: all of them.
    assert ids(index.search("apple", 10, allowed={"w19", "nope"}.__contains__)) == ["w19"]
    assert index.search("apple", 10, allowed=lambda _: False) == []


@settings(max_examples=30, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(["ant", "bee", "cow", "dog", "eel"]), max_size=6), min_size=1, max_size=40),
       query=st.lists(st.sampled_from(["ant", "bee", "cow", "dog", "eel"]), min_size=1, max_size=3),
       top_k=st.integers(1, 8), modulus=st.integers(1, 5))
def test_allowed_equals_filtering_the_full_ranking(texts, query, top_k, modulus):
    index = KeywordIndex()
    index.upsert_many([f"r{i:02d}" for i in range(len(texts))], [" ".join(t) for t in texts])
    q = " ".join(query)
    full = index.search(q, len(texts) + 1)
    assert all(score > 0 for _, score in full)
    assert full == sorted(full, key=lambda h: (-h[1], h[0]))
    allowed = lambda record_id: int(record_id[1:]) % modulus == 0  # noqa: E731
    assert index.search(q, top_k, allowed=allowed) == [h for h in full if allowed(h[0])][:top_k]
    assert index.search(q, top_k) == full[:top_k]


# -- hostile queries ---------------------------------------------------------------------------
HOSTILE = st.one_of(
    st.text(),
    st.text(alphabet='"\':()[]{}*?~^!+-&|\\/<>=, catANDORT', max_size=60),
    st.lists(st.sampled_from(['"', "cat", "AND", "OR", "NOT", "*", "body:", "key:1", "(", ")", "~2", "^3",
                              "[0 TO 9]", "\\", "\x00", "🐈", "猫", "ß", "\u0301"]), max_size=12).map(" ".join),
)


@pytest.fixture(scope="module")
def hostile_index() -> KeywordIndex:
    index = KeywordIndex()
    corpus(index)
    return index


@settings(max_examples=300, deadline=None)
@given(query=HOSTILE, top_k=st.integers(1, 5))
def test_hostile_queries_never_raise(hostile_index, query, top_k):
    hits = hostile_index.search(query, top_k)
    assert len(hits) <= top_k
    assert all(record_id in hostile_index and score > 0 and math.isfinite(score) for record_id, score in hits)
    # Only the analysed words matter: syntax characters are separators, not operators.
    assert hits == hostile_index.search(" ".join(hostile_index.tokens(query)), top_k)


def test_query_syntax_is_plain_text():
    index = KeywordIndex()
    corpus(index)
    assert ids(index.search('body:zeugma', 5)) == ["rare"]  # no field syntax: "body" is a word
    assert ids(index.search('NOT zeugma', 5)) == ["rare"]  # "not" is a stop word, not an operator
    assert index.search('key:1', 5) == []
    assert index.search('*', 5) == []


# -- threads -----------------------------------------------------------------------------------
def test_concurrent_writes_and_searches_do_not_error():
    index = KeywordIndex()
    index.upsert_many([f"seed{i}" for i in range(50)], [f"common word{i}" for i in range(50)])
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def writer(w: int) -> None:
        try:
            start.wait()
            for i in range(30):
                index.upsert(f"w{w}-{i}", f"common writer{w} item{i}")
                assert ids(index.search(f"writer{w} item{i}", 1)) == [f"w{w}-{i}"]  # read-your-writes
                if i % 4 == 0:
                    assert index.delete(f"w{w}-{i}")
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    def reader() -> None:
        try:
            start.wait()
            for _ in range(80):
                hits = index.search("common", 20)
                assert len(hits) == 20 and hits == sorted(hits, key=lambda h: (-h[1], h[0]))
                index.search_batch(["word3", "writer1"], 5, allowed=lambda r: r.startswith("w"))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(3)]
    threads += [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    assert len(index) == 50 + 3 * 22
    assert len(index.search("common", 1000)) == 50 + 3 * 22


# -- registry ----------------------------------------------------------------------------------
def test_registry():
    registry = KeywordRegistry()
    assert registry.get("ns") is None
    created = registry.get_or_create("ns")
    assert registry.get_or_create("ns") is created and registry.get("ns") is created
    replacement = KeywordIndex()
    registry.put("other", replacement)
    assert registry.namespaces() == ["ns", "other"]
    assert registry.drop("ns") is True and registry.drop("ns") is False
    assert registry.namespaces() == ["other"] and registry.get("other") is replacement


def test_the_registry_publishes_writes_in_the_background():
    import time

    registry = KeywordRegistry(commit_interval=0.02)
    try:
        index = registry.get_or_create("ns")
        index.upsert("a", "background commits publish writes")
        assert index.dirty
        deadline = time.monotonic() + 5
        while index.dirty and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not index.dirty  # published without any search
        assert [rid for rid, _ in index.search("background", 5)] == ["a"]
    finally:
        registry.close()
    quiet = KeywordRegistry()  # no interval: only searches publish
    index = quiet.get_or_create("ns")
    index.upsert("a", "text")
    time.sleep(0.1)
    assert index.dirty
