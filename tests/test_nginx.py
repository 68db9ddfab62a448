"""The nginx configuration the build ships (`site/_nginx.conf`), run by Debian's nginx.

The test wraps the file in a server block as docs-dev/deploying.md says, checks it with
`nginx -t`, then runs nginx as its own process on a loopback port (prefix, pid, logs and
temporary files in a temporary directory) and reads the headers it sends: every page gets
exactly the policy `_headers` gives it, the checker page and its worker get theirs, files get
nginx's own MIME types plus .wasm and .mjs, and the pre-compressed copies are sent.
"""

from __future__ import annotations

import http.client
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import headers_for, page_paths, read_headers_file

NGINX = "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
STARTUP = 20.0  # seconds nginx may take to listen on a busy machine
WORKER = "/assets/javascripts/checker-worker.js"

MAIN_CONFIG = """\
load_module {module};
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {site}/_nginx.conf;
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_command(prefix: Path) -> list[str]:
    return [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log"),
            "-g", "daemon off; master_process off;"]


@pytest.fixture(scope="module")
def nginx_prefix(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    assert Path(NGINX).exists(), "Debian nginx is required: apt-get install nginx (.ci/run does)"
    assert BROTLI_MODULE.exists(), "apt-get install libnginx-mod-http-brotli-static (.ci/run does)"
    prefix = tmp_path_factory.mktemp("nginx")
    shutil.copy(MIME_TYPES, prefix / "mime.types")  # `include mime.types` is relative to the config
    port = free_port()
    (prefix / "nginx.conf").write_text(MAIN_CONFIG.format(
        module=BROTLI_MODULE, tmp=prefix, port=port, site=built_site), encoding="utf-8")
    return prefix, port


@pytest.fixture(scope="module")
def nginx(nginx_prefix: tuple[Path, int]) -> Iterator[int]:
    prefix, port = nginx_prefix
    process = subprocess.Popen(nginx_command(prefix), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + STARTUP
    try:
        while True:
            assert process.poll() is None, f"nginx stopped:\n{process.stderr.read().decode()}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not start listening"
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(port: int, path: str, encoding: str = "identity") -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Accept-Encoding": encoding})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_the_shipped_config_passes_nginx_t(nginx_prefix: tuple[Path, int]) -> None:
    prefix, _ = nginx_prefix
    checked = subprocess.run([*nginx_command(prefix), "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr and "test is successful" in checked.stderr
    assert "[warn]" not in checked.stderr


def test_every_page_gets_its_own_policy_and_the_common_headers(nginx: int, built_site: Path) -> None:
    rules = read_headers_file(built_site / "_headers")
    wrong = {}
    for path in page_paths(built_site):
        response = get(nginx, path)
        expected = headers_for(rules, path)
        sent = {name: response.getheader(name) for name in expected}
        if response.status != 200 or sent != expected:
            wrong[path] = (response.status, sent)
    assert wrong == {}


def test_the_checker_page_and_its_worker_get_their_policies(nginx: int) -> None:
    guidance = get(nginx, "/therapists/").getheader("Content-Security-Policy")
    checker = get(nginx, "/checker/").getheader("Content-Security-Policy")
    worker = get(nginx, WORKER)
    assert "'wasm-unsafe-eval'" in checker and "'wasm-unsafe-eval'" not in guidance
    assert checker.replace(" 'wasm-unsafe-eval'", "") == guidance
    assert worker.getheader("Content-Security-Policy") == (
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'")
    assert worker.getheader("Content-Type").startswith("application/javascript")


@pytest.mark.parametrize(("path", "content_type"), [
    ("/therapists/", "text/html"),
    ("/assets/stylesheets/site.css", "text/css"),
    ("/search/search_index.json", "application/json"),
    ("/assets/images/favicon.png", "image/png"),
])
def test_files_keep_nginxs_own_mime_types(nginx: int, path: str, content_type: str) -> None:
    assert get(nginx, path).getheader("Content-Type").split(";")[0] == content_type


def test_the_runtime_is_served_compressed_with_its_mime_types(nginx: int, built_site: Path) -> None:
    runtime = next((built_site / "assets" / "pyodide").glob("*/pyodide.asm.wasm")).parent
    base = "/" + runtime.relative_to(built_site).as_posix()
    wasm_br = get(nginx, f"{base}/pyodide.asm.wasm", "br, gzip")
    wasm_gz = get(nginx, f"{base}/pyodide.asm.wasm", "gzip")
    module = get(nginx, f"{base}/pyodide.mjs", "br")
    assert wasm_br.getheader("Content-Type") == "application/wasm"
    assert wasm_br.getheader("Content-Encoding") == "br"
    assert wasm_br.getheader("Content-Length") == str((runtime / "pyodide.asm.wasm.br").stat().st_size)
    assert wasm_gz.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in wasm_gz.getheader("Vary")
    assert module.getheader("Content-Type") == "text/javascript"
    assert module.getheader("Content-Encoding") == "br"


@pytest.mark.parametrize("path", ["/_headers", "/_nginx.conf"])
def test_the_host_files_are_not_served(nginx: int, path: str) -> None:
    assert get(nginx, path).status == 404


def test_a_missing_page_gets_the_sites_404_page_with_its_policy(nginx: int, built_site: Path) -> None:
    response = get(nginx, "/no-such-page/")
    expected = headers_for(read_headers_file(built_site / "_headers"), "/404.html")
    assert response.status == 404
    assert response.getheader("Content-Security-Policy") == expected["Content-Security-Policy"]
