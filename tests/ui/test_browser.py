"""`engram ui` in headless Chromium (selenium, offline): every page loads with no console
error against the FEVER subset, a search returns hits, the graph draws nodes, a hostile record
renders as text, and a screenshot of each page goes to docs/ui/ (shown in the README)."""

from __future__ import annotations

import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from .conftest import HOSTILE_ID, HOSTILE_TEXT, NS, SCREENSHOTS

pytestmark = pytest.mark.browser


def open_page(browser, ui, path: str, **params) -> None:
    browser.get(ui.url + path + ("?" + urllib.parse.urlencode(params) if params else ""))
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


def console_errors(browser) -> list[dict]:
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def shoot(browser, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return Math.min(document.body.scrollHeight, 2400)")
    browser.set_window_size(1400, max(700, height))
    assert browser.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    browser.set_window_size(1400, 1000)


PAGES = [  # (screenshot name, path, params)
    ("namespaces", "/", {}),
    ("namespace", "/namespace", {"ns": NS}),
    ("records", "/records", {"ns": NS, "sort": "confidence", "desc": "1", "size": "25"}),
    ("ledger", "/ledger", {"ns": NS}),
    ("confidence", "/confidence", {"ns": NS}),
]


@pytest.mark.parametrize(("name", "path", "params"), PAGES, ids=[p[0] for p in PAGES])
def test_page_loads_without_console_errors(browser, ui_writer, name, path, params):
    browser.get_log("browser")  # drop earlier entries
    open_page(browser, ui_writer, path, **params)
    assert browser.find_element(By.TAG_NAME, "h1").text
    assert console_errors(browser) == []
    shoot(browser, name)


def test_record_page_with_edges_and_prediction(browser, ui_writer, engram_server):
    browser.get_log("browser")
    open_page(browser, ui_writer, "/record", ns=NS, id=engram_server.first)
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.edges tbody tr")) >= 6
    assert browser.find_element(By.ID, "delete-link").is_displayed()
    assert console_errors(browser) == []
    shoot(browser, "record")


def test_search_returns_hits(browser, ui_writer):
    browser.get_log("browser")
    open_page(browser, ui_writer, "/search", ns=NS)
    box = browser.find_element(By.ID, "search-text")
    box.send_keys("Which network aired The Millers?")
    browser.find_element(By.CSS_SELECTOR, "select[name=ranking] option[value=RANKING_HYBRID_TIMES_CONFIDENCE]").click()
    browser.find_element(By.ID, "search-button").click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "tr.hit"))
    hits = browser.find_elements(By.CSS_SELECTOR, "tr.hit")
    assert len(hits) == 10
    assert "The Millers" in hits[0].text
    assert console_errors(browser) == []
    shoot(browser, "search")


def test_graph_renders_nodes(browser, ui_writer, engram_server):
    browser.get_log("browser")
    open_page(browser, ui_writer, "/graph", ns=NS, id=engram_server.first, depth="2")
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return window.cytoscape && "
                                                                "document.getElementById('graph').dataset.nodes"))
    nodes = int(browser.find_element(By.ID, "graph").get_attribute("data-nodes"))
    edges = int(browser.find_element(By.ID, "graph").get_attribute("data-edges"))
    assert nodes >= 7 and edges >= 6  # the seed, its 6 linked records, their neighbours
    assert browser.find_elements(By.CSS_SELECTOR, "#graph canvas")
    assert "records and" in browser.find_element(By.ID, "graph-status").text
    assert console_errors(browser) == []
    shoot(browser, "graph")


def test_hostile_record_renders_as_text(browser, ui_writer):
    browser.get_log("browser")
    open_page(browser, ui_writer, "/record", ns=NS, id=HOSTILE_ID)
    assert browser.find_element(By.CSS_SELECTOR, ".record-text").text == HOSTILE_TEXT.replace("  ", " ")
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Record {HOSTILE_ID}"
    assert browser.execute_script("return window.__pwned") is None
    assert browser.find_elements(By.ID, "injected") == []
    assert browser.find_elements(By.CSS_SELECTOR, "main img") == []
    open_page(browser, ui_writer, "/search", ns=NS, q="bold", ranking="RANKING_KEYWORD")
    assert browser.find_element(By.CSS_SELECTOR, "tr.hit td.meta").text.startswith("<i>k</i>:")
    assert browser.execute_script("return window.__pwned") is None
    assert console_errors(browser) == []
    shoot(browser, "hostile")


def test_delete_asks_for_confirmation(browser, ui_writer, engram_server):
    rid = "m:181634"
    open_page(browser, ui_writer, "/record", ns=NS, id=rid)
    browser.find_element(By.ID, "delete-link").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "confirm-delete"))
    assert "cannot be undone" in browser.page_source
    browser.find_element(By.ID, "confirm-delete").click()
    WebDriverWait(browser, 10).until(lambda d: "/records" in d.current_url)
    assert f"deleted '{rid}'" in browser.find_element(By.CSS_SELECTOR, ".done").text
    assert console_errors(browser) == []


def test_read_key_pages_offer_no_writes(browser, ui_reader, engram_server):
    open_page(browser, ui_reader, "/record", ns=NS, id=engram_server.first)
    assert browser.find_elements(By.ID, "delete-link") == []
    assert browser.find_elements(By.CSS_SELECTOR, "form.outcome") == []
    assert "read only" in browser.find_element(By.CSS_SELECTOR, "header .role").text
