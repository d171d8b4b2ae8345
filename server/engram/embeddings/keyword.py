"""The warm in-memory BM25 keyword index: one per namespace, on tantivy's RAM index.

Source: DESIGN.md "Derived indexes" (a cache of the records' text, built from Redis at warm-up
and fed by the change log on every replica); the library choice, its measured costs and the
SciFact quality check are in docs/KEYWORD_INDEX.md (bench/keyword_choice.py).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence

import tantivy

from engram.embeddings.rwlock import ReadWriteLock
from engram.embeddings.scores import shortest_one

Hits = list[tuple[str, float]]

ANALYZER = "engram_english"
_KEY = "key"  # u64, indexed (deletes by key) and fast (hit -> record id without the doc store)
_BODY = "body"  # the analysed text; term frequencies, no positions (BM25 needs no phrases)
# Tantivy's floor is 15 MB per indexing thread. It is a cap on the writer's arena, allocated
# as documents arrive, not up front; one thread: the server has few cores and many namespaces.
_WRITER_HEAP = 64_000_000
_WRITER_THREADS = 1
_FIRST_POOL = 64  # hits fetched first when `allowed` filters them (then x4 until enough)


def english_analyzer() -> tantivy.TextAnalyzer:
    """The standard English analyzer: split on non-alphanumeric characters (Unicode), drop
    tokens of 40 bytes or more, lowercase, drop Lucene's 33 English stop words, Snowball
    (Porter2) English stemmer. "The Running dogs" -> ["run", "dog"]."""
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stopword("english"))
            .filter(tantivy.Filter.stemmer("english"))
            .build())


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field(_KEY, indexed=True, fast=True)
    builder.add_text_field(_BODY, tokenizer_name=ANALYZER, index_option="freq")
    return builder.build()


log = logging.getLogger(__name__)


class KeywordIndex:
    """BM25 index over the text of one namespace's records (tantivy: k1 = 1.2, b = 0.75).

    Each record id gets a stable integer key; the tantivy document holds the key and the
    analysed text. An upsert deletes the key's document and adds the new one; a record whose
    text is blank gets no document (it is counted and contained, never matched).

    Writes go to a tantivy writer opened on the first write and are published (commit +
    reload, then the writer is closed so its threads end) by `commit`, which the next search
    does itself: a search always sees every write made before it (read-your-writes), and a
    burst of writes costs one commit. Deleted documents stay in tantivy's document
    frequencies until a background merge drops them, as in Lucene, so scores drift slightly
    from a freshly built index of the same records.

    Thread safety: a readers-writer lock. Searches share it (a tantivy searcher is a read-only
    snapshot); writes and the commit take it alone, so one thread at a time uses the writer
    and no search runs while a commit swaps the searcher and the key map changes.
    """

    def __init__(self) -> None:
        self._schema = _schema()
        self._index = tantivy.Index(self._schema)
        self._analyzer = english_analyzer()
        self._index.register_tokenizer(ANALYZER, self._analyzer)
        self._writer: tantivy.IndexWriter | None = None
        self._searcher = self._index.searcher()
        self._keys: dict[str, int] = {}  # record id -> key
        self._ids: dict[int, str] = {}  # key -> record id
        self._next_key = 0
        self._dirty = False
        self._dirty_since = 0.0  # time.monotonic() of the first unpublished write
        self._written_at = 0.0  # ... and of the latest
        self._lock = ReadWriteLock()

    def __len__(self) -> int:
        """Records held, those with blank text included."""
        return len(self._keys)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._keys

    def tokens(self, text: str) -> list[str]:
        """The analyzer's output for `text`: the terms indexed for a record or searched for a query."""
        return self._analyzer.analyze(text)

    # -- writes ----------------------------------------------------------------------------
    def upsert(self, record_id: str, text: str) -> None:
        """Index `text` under `record_id`, replacing its previous text (blank: not matchable)."""
        self.upsert_many([record_id], [text])

    def upsert_many(self, ids: Sequence[str], texts: Sequence[str]) -> None:
        """`upsert` of ``ids[i]`` -> ``texts[i]`` for every i, in order, under one lock
        (a repeated id keeps its last text). Visible to the next search.

        Raises:
            ValueError: `ids` and `texts` differ in length.
        """
        if len(ids) != len(texts):
            raise ValueError(f"{len(texts)} texts for {len(ids)} ids")
        with self._lock.write():
            writer = self._open_writer()
            for record_id, text in zip(ids, texts):
                key = self._keys.get(record_id)
                if key is None:
                    key = self._next_key
                    self._next_key += 1
                    self._keys[record_id] = key
                    self._ids[key] = record_id
                else:
                    # Applies to documents added before it only: the one added next survives.
                    self._delete_key(writer, key)
                if text.strip():
                    document = tantivy.Document()
                    document.add_unsigned(_KEY, key)
                    document.add_text(_BODY, text)
                    writer.add_document(document)

    def delete(self, record_id: str) -> bool:
        """Remove `record_id`; True if it was present."""
        with self._lock.write():
            key = self._keys.pop(record_id, None)
            if key is None:
                return False
            del self._ids[key]
            self._delete_key(self._open_writer(), key)
            return True

    @property
    def dirty(self) -> bool:
        """Whether writes wait to be published (read without the lock: a hint)."""
        return self._dirty

    def due(self, quiet: float, max_delay: float) -> bool:
        """Dirty, and either no write for `quiet` seconds or unpublished for `max_delay`
        (a hint, without the lock): a bulk import is published every `max_delay`, not after
        every batch."""
        if not self._dirty:
            return False
        now = time.monotonic()
        return now - self._written_at >= quiet or now - self._dirty_since >= max_delay

    def commit(self) -> None:
        """Publish the pending writes now (a search does it itself; warm-up may call it so the
        first search does not pay for the bulk load)."""
        with self._lock.write():
            self._commit()

    def _open_writer(self) -> tantivy.IndexWriter:
        """The writer (write lock held), opened if needed; the index is dirty from now on."""
        if self._writer is None:
            self._writer = self._index.writer(heap_size=_WRITER_HEAP, num_threads=_WRITER_THREADS)
        now = time.monotonic()
        if not self._dirty:
            self._dirty_since = now
        self._written_at = now
        self._dirty = True
        return self._writer

    def _delete_key(self, writer: tantivy.IndexWriter, key: int) -> None:
        # By query, not delete_documents_by_term: tantivy-py 0.27 turns a Python int into an
        # i64 term there, which never matches the u64 field (the document would survive).
        writer.delete_documents_by_query(tantivy.Query.term_query(self._schema, _KEY, key))

    def _commit(self) -> None:
        """Commit, close the writer and reload the searcher (write lock held). Closing ends
        the writer's threads (about 6 each): an idle namespace holds none. Most commits of one
        document take a few ms; one in several also merges small segments, and waits for it."""
        if not self._dirty:
            return
        if self._writer is not None:
            self._writer.commit()  # if it raises, the writer and its pending writes stay for a retry
            # Closing waits for the merges this commit started: a writer dropped mid-merge
            # abandons them, and one segment per commit would pile up (measured: 81 segments
            # after 80 single adds, commits and searches slower with each; waited: 4-7).
            self._writer.wait_merging_threads()
            self._writer = None
        self._index.reload()
        self._searcher = self._index.searcher()
        self._dirty = False

    # -- search ----------------------------------------------------------------------------
    def search(self, query: str, top_k: int, allowed: Callable[[str], bool] | None = None) -> Hits:
        """`search_batch` of one query."""
        return self.search_batch([query], top_k, allowed)[0]

    def search_batch(self, queries: Sequence[str], top_k: int,
                     allowed: Callable[[str], bool] | None = None) -> list[Hits]:
        """The `top_k` records of highest BM25 score for each free-text query.

        A query is analysed like record text and matches records holding any of its terms
        (an OR of term queries; no query syntax, so quotes, operators and wildcards are plain
        text). A query whose terms are all stop words matches nothing.

        Args:
            queries: free text, any characters.
            top_k: most results per query (>= 1).
            allowed: if given, only records for which ``allowed(record_id)`` is True; the
                result is still the true top k among them (the candidate pool grows until
                k allowed hits are certain or the matches run out).

        Returns:
            One list per query of (record_id, score), score > 0 descending, equal scores by
            record_id ascending. Scores are tantivy's float32 BM25 given as the double
            nearest each one's shortest round-trip decimal (`engram.embeddings.scores`).

        Raises:
            ValueError: top_k < 1.
        """
        if top_k < 1:
            raise ValueError(f"top_k must be >= 1, got {top_k}")
        terms = [self._analyzer.analyze(q) for q in queries]
        with self._lock.read():
            if not self._dirty:
                return [self._search(t, top_k, allowed) for t in terms]
        with self._lock.write():  # writes are pending: publish them, then search
            self._commit()
            return [self._search(t, top_k, allowed) for t in terms]

    def _search(self, terms: list[str], top_k: int, allowed: Callable[[str], bool] | None) -> Hits:
        """One analysed query against the current searcher (a lock held)."""
        searcher = self._searcher
        total = searcher.num_docs
        if not terms or total == 0:
            return []
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(self._schema, _BODY, t, index_option="freq"))
             for t in terms])
        # One hit beyond k shows whether the k-th score is tied past the cut.
        limit = min(top_k + 1 if allowed is None else max(4 * top_k, _FIRST_POOL), total)
        while True:
            hits = searcher.search(query, limit, count=False).hits
            keys = searcher.fast_field_values(_KEY, [address for _, address in hits])
            kept = [(score, record_id) for (score, _), record_id in zip(hits, map(self._ids.get, keys))
                    if score > 0 and record_id is not None and (allowed is None or allowed(record_id))]
            if len(hits) < limit or limit >= total:
                break  # every match has been seen
            if len(kept) >= top_k:
                kth = sorted((s for s, _ in kept), reverse=True)[top_k - 1]
                if hits[-1][0] < kth:
                    break  # every unseen match scores below the k-th kept one
            limit = min(limit * 4, total)
        kept.sort(key=lambda h: (-h[0], h[1]))
        return [(record_id, shortest_one(score)) for score, record_id in kept[:top_k]]


class KeywordRegistry:
    """namespace -> KeywordIndex, thread-safe. Indexes are created on demand.

    A tantivy commit costs about 10 ms (more when it merges), so a search that finds its index
    dirty pays that. With ``commit_interval``, a daemon thread publishes an index once it has
    had no write for that long (or has waited `max_delay` during a stream of writes), so a
    search arriving later than that after a write usually finds nothing to commit, and a bulk
    import is not slowed by a commit per batch.

    Args:
        commit_interval: seconds between checks, and the quiet time before a commit; None:
            only searches commit.
        max_delay: seconds a stream of writes may stay unpublished in the background.
    """

    def __init__(self, commit_interval: float | None = None, max_delay: float = 2.0) -> None:
        self._indexes: dict[str, KeywordIndex] = {}
        self._max_delay = max_delay
        self._lock = threading.Lock()
        self._interval = commit_interval
        self._stop = threading.Event()
        self._committer: threading.Thread | None = None

    def _ensure_committer(self) -> None:
        """Start the background committer on first use (lock held)."""
        if self._interval is not None and self._committer is None and not self._stop.is_set():
            self._committer = threading.Thread(target=self._commit_loop, name="engram-keyword-commit", daemon=True)
            self._committer.start()

    def _commit_loop(self) -> None:
        while not self._stop.wait(self._interval):
            with self._lock:
                indexes = list(self._indexes.values())
            for index in indexes:
                if index.due(self._interval, self._max_delay):
                    try:
                        index.commit()
                    except Exception:  # noqa: BLE001 - the next search commits (and raises) itself
                        log.exception("background keyword commit failed")

    def close(self, timeout: float = 1.0) -> None:
        """Stop the background committer and wait for a commit in flight, at most ``timeout``
        seconds (indexes stay usable: searches commit). Why wait: a daemon thread left inside
        tantivy's commit when the interpreter finalizes can hold the process's exit."""
        self._stop.set()
        committer = self._committer
        if committer is not None and committer is not threading.current_thread():
            committer.join(timeout)

    def get(self, namespace: str) -> KeywordIndex | None:
        with self._lock:
            return self._indexes.get(namespace)

    def get_or_create(self, namespace: str) -> KeywordIndex:
        """The namespace's index, created empty if missing."""
        with self._lock:
            index = self._indexes.get(namespace)
            if index is None:
                index = self._indexes[namespace] = KeywordIndex()
                self._ensure_committer()
            return index

    def put(self, namespace: str, index: KeywordIndex) -> None:
        """Install `index` (e.g. one built at warm-up), replacing any existing one."""
        with self._lock:
            self._indexes[namespace] = index
            self._ensure_committer()

    def drop(self, namespace: str) -> bool:
        """Forget the namespace's index; True if there was one."""
        with self._lock:
            return self._indexes.pop(namespace, None) is not None

    def namespaces(self) -> list[str]:
        """Namespaces with an index, sorted."""
        with self._lock:
            return sorted(self._indexes)
