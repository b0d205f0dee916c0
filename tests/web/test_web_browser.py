"""The pages in headless Chromium: RTL layout, filters, a map marker click, a story comparison, and an
article carrying script shown as text, not run. Screenshots (1280×900) go to docs/screenshots/ when
MARSAD_SCREENSHOTS=1 (how the committed ones were made).

Needs Debian's ``chromium`` and ``chromium-driver`` (``make browser``); without them the tests skip,
except under ``CI=true`` where they must run.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from webcorpus import XSS_BODY, make_corpus, sample_docs

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "samples" / "demo"
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--window-size=1280,900", "--lang=ar")


def _require_browser() -> None:
    missing = [p for p in (CHROMIUM, DRIVER) if not Path(p).is_file()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    from marsad.web.settings import vendor_ready

    if not all(vendor_ready().values()):
        missing.append("the vendored web assets (run `make assets`)")
    if missing:
        reason = f"headless browser tests need {', '.join(missing)} (`make browser`, `make assets`)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason + " — required under CI")
        pytest.skip(reason)


def demo_corpus(path: Path) -> Path:
    """Three demo stories analysed by the real pipeline, plus the hand-made documents."""
    from marsad.corpus import Corpus
    from marsad.ingest import IngestOptions, read_paths
    from marsad.pipeline import analyze_many

    files = sorted(str(p) for p in (DEMO / "articles").glob("*/s0[123]-*"))
    opts = IngestOptions(outlet_files=[DEMO / "outlets.yaml"])
    make_corpus(path, sample_docs())
    with Corpus(path) as corpus:
        corpus.add(analyze_many(read_paths(files, opts)))
        corpus.refresh()
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_browser()
    import uvicorn

    from marsad.web import WebSettings, create_app

    db = demo_corpus(tmp_path_factory.mktemp("browser") / "demo.db")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(WebSettings(db=db)), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="marsad-chromium-")
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_window_size(1280, 900)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver, script: str, timeout: float = 30.0):
    """Poll a JavaScript expression until it is truthy; return its value."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = driver.execute_script(f"return ({script});")
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {script}")


TOP_MARKER = """Array.from(document.querySelectorAll('path.marsad-marker')).find(p => {
  const r = p.getBoundingClientRect();
  return r.width > 0 && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === p;
})"""


def shot(driver, name: str) -> None:
    if os.environ.get("MARSAD_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SHOTS / f"{name}.png"))


def csp_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser")
            if "Content Security Policy" in e["message"] or "Refused to" in e["message"]]


def test_overview_is_right_to_left_with_the_font(server, browser):
    browser.get(server + "/")
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    assert browser.execute_script("return document.documentElement.lang") == "ar"
    direction = browser.execute_script("return getComputedStyle(document.body).direction")
    assert direction == "rtl"
    wait_for(browser, "document.querySelector('#chart-types svg')")
    assert wait_for(browser, "Array.from(document.fonts).some(f => f.family.includes('Noto Naskh Arabic') "
                             "&& f.status === 'loaded')")
    shot(browser, "overview")
    assert not csp_errors(browser)


def test_events_filter_map_click_opens_the_event(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(server + "/events")
    Select(browser.find_element(By.NAME, "event_type")).select_by_visible_text("Explosions/Remote violence")
    browser.find_element(By.CSS_SELECTOR, "#event-filters button[type=submit]").click()
    wait_for(browser, "location.search.includes('event_type=Explosions')")
    types = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "table.events tbody td:nth-child(2)")]
    assert types and all(t.startswith("Explosions/Remote violence") for t in types)
    markers = int(wait_for(browser, "document.getElementById('map').dataset.markers"))
    assert markers > 0
    wait_for(browser, "document.querySelector('#timeline svg')")
    shot(browser, "events")
    browser.execute_script("document.getElementById('map').scrollIntoView({block: 'center'})")
    marker = wait_for(browser, TOP_MARKER)      # a marker not covered by another one
    marker.click()
    wait_for(browser, "/^\\/events\\/[0-9a-f]{16}\\/v[0-9]+$/.test(location.pathname)")
    assert "Explosions/Remote violence" in browser.find_element(By.CSS_SELECTOR, "table.fields").text
    shot(browser, "event")
    assert not csp_errors(browser)


def test_story_comparison(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/stories?min_outlets=2")
    shot(browser, "stories")
    browser.find_element(By.CSS_SELECTOR, "a.story-link").click()
    wait_for(browser, "location.pathname.startsWith('/stories/s')")
    tables = browser.find_elements(By.CSS_SELECTOR, "table.compare")
    assert tables
    heads = tables[0].find_elements(By.CSS_SELECTOR, "thead th")
    assert len(heads) >= 3          # the field column and two outlets or more
    assert browser.find_element(By.ID, "coverage-gaps")
    shot(browser, "story")
    assert not csp_errors(browser)


def test_document_highlights_and_jumps(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/documents?outlet=sham_now")
    browser.find_element(By.CSS_SELECTOR, "table.sortable tbody a").click()
    wait_for(browser, "location.pathname.startsWith('/documents/')")
    event = browser.find_element(By.CSS_SELECTOR, "#doc-text .hl-event")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", event)
    event.click()
    assert wait_for(browser, "location.hash").startswith("#v")
    browser.execute_script("window.scrollTo(0, 0)")
    shot(browser, "document")


def test_script_in_an_article_is_shown_as_text_not_run(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/search?q=" + "تجريبي")
    browser.find_element(By.CSS_SELECTOR, ".hit a").click()
    wait_for(browser, "location.pathname.startsWith('/documents/')")
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    text = browser.find_element(By.ID, "doc-text").text
    assert "<script>window.__pwned=1</script>" in text and "<img src=x onerror=" in text
    assert XSS_BODY.split("<script>")[0].strip() in text
    assert browser.execute_script("return document.querySelectorAll('#doc-text script, #doc-text img')"
                                  ".length") == 0


@pytest.mark.parametrize("path, name", [("/outlets", "outlets"), ("/outlets/sham_now", "outlet"),
                                        ("/search?q=%D8%BA%D8%A7%D8%B1%D8%A9", "search"),
                                        ("/docs", "api")])
def test_other_pages_render_without_csp_errors(server, browser, path, name):
    browser.get(server + path)
    direction = browser.execute_script("return getComputedStyle(document.querySelector('main')).direction")
    assert direction == "rtl"
    if name == "api":
        wait_for(browser, "document.querySelector('#swagger-ui .opblock')")
    shot(browser, name)
    assert not csp_errors(browser)
