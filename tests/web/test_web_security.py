"""Safety at the edge: headers, CSP on every page, body limits, traversal, stored XSS, the ingest token."""

from __future__ import annotations

import re

import pytest
from webcorpus import XSS_ENTITY, make_corpus, sample_docs

PAGES = ["/", "/events", "/events?event_type=Battles", "/stories", "/documents", "/outlets",
         "/outlets/sham_now", "/search?q=قصف", "/entities/manbij", "/docs", "/nope"]


def page_urls(client) -> list[str]:
    """Every page kind, including the ones that need ids from the corpus."""
    story = client.get("/api/stories?min_outlets=2").json()["items"][0]["id"]
    ev = client.get("/api/events?place=manbij").json()["items"][0]
    return [*PAGES, f"/stories/{story}", f"/documents/{ev['doc_id']}", f"/events/{ev['doc_id']}/v1",
            f"/stories/{client.get('/api/stories').json()['items'][1]['id']}"]


def test_every_html_page_has_the_csp_and_headers(client):
    for url in page_urls(client):
        r = client.get(url)
        assert r.status_code in (200, 404), url
        assert r.headers["content-type"].startswith("text/html"), url
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert '<html lang="ar" dir="rtl">' in r.text


def test_no_inline_script_or_handler_in_any_page(client):
    for url in page_urls(client):
        html = client.get(url).text
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert 'src="/static/' in tag, (url, tag)
        assert not re.search(r"<script\b[^>]*>[^<]+</script>", html), url
        assert not re.search(r"<[a-z]+[^>]*\son[a-z]+=", html), url


def test_head_is_answered_like_get_without_a_body(client):
    r = client.head("/events")
    assert r.status_code == 200 and r.content == b"" and "content-security-policy" in r.headers


def test_api_responses_carry_the_headers_too(client):
    r = client.get("/api/events")
    assert r.headers["x-content-type-options"] == "nosniff" and "content-security-policy" in r.headers


def test_stored_xss_is_shown_as_text(client):
    ev = client.get("/api/events?place=manbij").json()["items"][0]
    for url in (f"/documents/{ev['doc_id']}", "/documents", "/", "/events", "/search?q=منبج",
                "/entities/manbij", "/stories", f"/events/{ev['doc_id']}/v1"):
        html = client.get(url).text
        assert "<script>window.__pwned" not in html, url
        assert "<img src=x" not in html and "<b onmouseover" not in html, url
    doc_html = client.get(f"/documents/{ev['doc_id']}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in doc_html
    assert "&lt;img src=x onerror=" in doc_html
    assert "Evil &lt;script&gt;Outlet&lt;/script&gt;" in client.get("/documents").text
    assert XSS_ENTITY.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;") in \
        client.get("/entities/manbij").text


@pytest.mark.parametrize("url", [
    "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e%2f%2e%2e%2fsrc%2fmarsad%2fweb%2fapp.py", "/static/css/../../app.py",
    "/static/css/%2e%2e/%2e%2e/app.py", "/static//etc/passwd", "/static/css/marsad.css%00.txt",
])
def test_static_traversal_is_refused(client, url):
    r = client.get(url)
    assert r.status_code in (400, 404), url
    assert "root:" not in r.text and "create_app" not in r.text


def test_static_files_are_served(client):
    r = client.get("/static/css/marsad.css")
    assert r.status_code == 200 and "direction: rtl" in r.text
    assert "content-security-policy" in r.headers


# ------------------------------------------------------------------ analyze and its limits


def test_analyze_text_returns_the_contract(client):
    r = client.post("/api/analyze", content="قتل ثلاثة مدنيين في قصف على مدينة منبج يوم الأحد.".encode(),
                    headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["schema"] == "marsad/1" and data["text"].startswith("قتل")


def test_analyze_json_and_html(client):
    body = "سقطت قذيفة على حي سكني في مدينة حلب. " * 5
    r = client.post("/api/analyze", json={"html": f"<html><body><article><h1>خبر</h1><p>{body}</p></article>"
                                                  "</body></html>"})
    assert r.status_code == 200, r.text
    assert "حلب" in r.json()["text"]


@pytest.mark.parametrize("body, ctype, status, code", [
    (b"", "text/plain", 422, "E_EMPTY"),
    (b"{not json", "application/json", 400, "E_PARAM"),
    (b'{"text": 5}', "application/json", 400, "E_PARAM"),
    (b'["x"]', "application/json", 400, "E_PARAM"),
    (b"{}", "application/json", 400, "E_PARAM"),
    (b"\xff\xfe\xfa", "text/plain", 400, "E_PARAM"),
    (b"x", "image/png", 415, "E_MEDIA_TYPE"),
])
def test_analyze_bad_input_is_4xx(client, body, ctype, status, code):
    r = client.post("/api/analyze", content=body, headers={"content-type": ctype})
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code


def test_body_over_the_limit_is_413_by_declared_length(client):
    r = client.post("/api/analyze", content=b"x" * 2_000_001, headers={"content-type": "text/plain"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "E_TOO_LARGE"


def test_chunked_body_over_the_limit_is_413(client):
    def chunks():
        for _ in range(30):
            yield b"y" * 100_000

    r = client.post("/api/analyze", content=chunks(), headers={"content-type": "text/plain"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "E_TOO_LARGE"


# ------------------------------------------------------------------ ingest and its token


def ingest_client(corpus_path, *, allow: bool, token: str | None):
    from fastapi.testclient import TestClient

    from marsad.web import WebSettings, create_app

    return TestClient(create_app(WebSettings(db=corpus_path, allow_ingest=allow, token=token or "")))


ARTICLE = "اعتقلت قوات الأمن خمسة أشخاص في مدينة الحسكة خلال حملة مداهمات يوم الثلاثاء.".encode()


def test_ingest_is_forbidden_by_default(corpus_path):
    with ingest_client(corpus_path, allow=False, token="s3cret") as c:
        r = c.post("/api/ingest", content=ARTICLE, headers={"authorization": "Bearer s3cret"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "E_FORBIDDEN"


def test_ingest_needs_the_right_token(tmp_path):
    path = make_corpus(tmp_path / "w.db", sample_docs()[:1])
    with ingest_client(path, allow=True, token="s3cret") as c:
        r = c.post("/api/ingest", content=ARTICLE, headers={"content-type": "text/plain"})
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        r = c.post("/api/ingest", content=ARTICLE, headers={"authorization": "Basic czNjcmV0"})
        assert r.status_code == 401
        r = c.post("/api/ingest", content=ARTICLE, headers={"authorization": "Bearer wrong"})
        assert r.status_code == 403
        r = c.post("/api/ingest", content=ARTICLE,
                   headers={"authorization": "Bearer s3cret", "content-type": "text/plain"})
        assert r.status_code == 200, r.text
        doc_id = r.json()["id"]
        assert r.json()["added"] == 1
        assert c.get(f"/api/documents/{doc_id}").json()["text"].startswith("اعتقلت")
        assert c.get("/api/documents").json()["total"] == 2


def test_ingest_without_a_configured_token_stays_closed(corpus_path):
    with ingest_client(corpus_path, allow=True, token=None) as c:
        r = c.post("/api/ingest", content=ARTICLE, headers={"authorization": "Bearer "})
    assert r.status_code == 403
