#!/usr/bin/env python3
"""Execute one tslab notebook headlessly and write the executed notebook + HTML report.

Called by scripts/reproduce.mjs (run `npm run reproduce`, not this file). Why not plain
`jupyter nbconvert --execute`: tslab reports a cell error only as stderr text (nbconvert then
raises an empty "<Error>:") and cancels the requests that arrive in the next 200 ms, so with
--allow-errors later cells come back empty and the run exits 0. Here cells run one at a
time; the first failing, cancelled or unexecuted cell stops the run with the cell's own
stderr, and no report is written (no partial report).

Exit codes: 0 ok, 1 a cell failed, 2 usage/setup error.
"""
import argparse
import json
import os
import re
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def atomic_write(path, data):
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-", suffix=os.path.basename(path))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def stream_text(cell, name):
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == name)


def error_text(cell):
    parts = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "error":
            parts.append("%s: %s" % (o.get("ename", ""), o.get("evalue", "")))
            parts.extend(o.get("traceback", []))
    return "\n".join(p for p in parts if p.strip(": "))


def ts_literal(value):
    return json.dumps(value, ensure_ascii=False)


def inject_parameters(nb, params):
    """papermill convention: a cell tagged `injected-parameters` right after the `parameters` cell."""
    idx = next((i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if idx is None:
        raise SystemExit("notebook has no cell tagged 'parameters'")
    lines = ["// Parameters injected by `npm run reproduce` (papermill convention)."]
    lines += ["%s = %s;" % (k, ts_literal(v)) for k, v in params.items()]
    lines.append("void 0; // no echo of the last value")
    cell = nbformat.v4.new_code_cell("\n".join(lines))
    cell.metadata["tags"] = ["injected-parameters"]
    nb.cells.insert(idx + 1, cell)


HEADING_ZH = re.compile(r"^(#{1,6})\s*(.+?)\s*\{zh:\s*(.+?)\s*\}\s*$")


def localise_headings(nb, lang):
    """Bilingual headings: a markdown heading written `## Match rates {zh: 匹配率}` shows as
    'Match rates' (en), '匹配率' (zh) or '匹配率 / Match rates' (both, the default)."""

    def fix(line):
        m = HEADING_ZH.match(line)
        if not m:
            return line
        hashes, en, zh = m.groups()
        text = en if lang == "en" else zh if lang == "zh" else "%s / %s" % (zh, en)
        return "%s %s" % (hashes, text)

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = "\n".join(fix(l) for l in cell.source.split("\n"))


EXTERNAL_SCRIPT = re.compile(r'<script[^>]*\bsrc="(?:file:|https?:)[^"]*"[^>]*>\s*</script>', re.I)


# Reports fit the page: long code lines and outputs wrap instead of running past the right
# edge; wide tables scroll sideways on screen and wrap their cells when printed (PDF).
FIT_PAGE_STYLE = (
    "<style id=\"pp-fit-page\">"
    ".jp-InputArea pre,.jp-OutputArea pre,.highlight pre,.jp-RenderedText pre,pre"
    "{white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}"
    ".jp-RenderedHTMLCommon,.jp-OutputArea-output{max-width:100%;overflow-x:auto}"
    "@page{size:A4;margin:15mm 12mm}"
    "@media print{.jp-RenderedHTMLCommon table{font-size:10px}"
    ".jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th{overflow-wrap:anywhere;word-break:break-word}"
    ".jp-OutputArea-output{overflow-x:visible}}"
    "</style>"
)


def self_contained(html):
    """The report must open offline on any machine: drop the <script src> tags nbconvert adds
    for require.js and MathJax (Debian points them at file:///usr/share/javascript, elsewhere a
    CDN). Our outputs need neither: plotly.js is inlined, and notebooks write no LaTeX.
    Also adds the fit-the-page style (FIT_PAGE_STYLE) at the end of <head>."""
    html = EXTERNAL_SCRIPT.sub("", html)
    return html.replace("</head>", FIT_PAGE_STYLE + "</head>", 1)


# An 11-digit mainland mobile number, with optional +86 and space/dash separators: the Python
# mirror of MOBILE_NUMBER_SOURCE in src/report/mask.ts (groups added for the masked form).
MOBILE = re.compile(r"(?<!\d)(?<!\d\.)((?:\+?86[\s-]?)?)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)(?!\.\d)")
SCRIPT = re.compile(r"(<script[\s\S]*?</script>)", re.I)
SECRET_PARAM = re.compile(r"""^(\s*(?:let\s+|const\s+)?[A-Za-z_$][\w$]*(?:key|secret|password|token)[\w$]*\s*(?::\s*string\s*)?=\s*)(['"`]).*?\2""", re.I | re.M)


def mask_mobiles(text):
    """Mask numbers in text; never inside <script> blocks (figure data is code: changing it
    would break the chart; check-reports scans it and fails on a raw number instead). Digits
    after a decimal point are not a phone number."""
    parts = SCRIPT.split(text)
    return "".join(
        p if i % 2 else MOBILE.sub(lambda m: "%s%s****%s" % (m.group(1), m.group(2), m.group(4)), p) for i, p in enumerate(parts)
    )


def redact(nb, unmask):
    """What the report shows, not what ran: secrets in parameter cells (names containing key,
    secret, password or token) are always replaced; mobile numbers in code and in text outputs
    are masked (138****5678) unless --unmask. Library output is already masked by default;
    this catches numbers typed into parameter cells or injected with --param."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        src = SECRET_PARAM.sub(lambda m: m.group(1) + m.group(2) + "<redacted>" + m.group(2), cell.source)
        cell.source = src if unmask else mask_mobiles(src)
        if unmask:
            continue
        for o in cell.get("outputs", []):
            if o.get("output_type") == "stream":
                o["text"] = mask_mobiles(o.get("text", ""))
            for mime in ("text/plain", "text/html", "text/markdown"):
                if mime in o.get("data", {}) and isinstance(o["data"][mime], str):
                    o["data"][mime] = mask_mobiles(o["data"][mime])


RUN_INFO_CELL = """// Appended by `npm run reproduce`: software versions, commit and parameters of this run.
import { report as runInfoReport } from 'profile-provenance';
runInfoReport.showRunInfo(%s);"""


class TslabClient(NotebookClient):
    """Keeps the execute_reply of each cell: tslab sends no execute_input message, so the
    reply is the only place its status ('ok' / 'error' / 'abort') and execution count live."""

    last_reply = None

    def _check_raise_for_error(self, cell, cell_index, exec_reply):
        self.last_reply = exec_reply
        content = (exec_reply or {}).get("content", {})
        if content.get("execution_count") is not None:
            cell["execution_count"] = content["execution_count"]
        return super()._check_raise_for_error(cell, cell_index, exec_reply)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("notebook")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--params-json", default="{}")
    ap.add_argument("--hide-code", action="store_true")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--kernel", default="tslab")
    ap.add_argument("--lang", choices=["en", "zh", "both"], default="both")
    ap.add_argument("--unmask", action="store_true", help="do not mask mobile numbers in the report")
    a = ap.parse_args()

    nb = nbformat.read(a.notebook, as_version=4)
    localise_headings(nb, a.lang)
    params = json.loads(a.params_json)
    if params:
        inject_parameters(nb, params)
    info = {
        "notebook": os.path.basename(a.notebook),
        "parameters": json.dumps(params, ensure_ascii=False, sort_keys=True),
        "headings": a.lang,
        "code": "hidden" if a.hide_code else "shown",
        "masking": "off (--unmask)" if a.unmask else "mobile numbers masked, secrets redacted",
    }
    run_info = nbformat.v4.new_code_cell(RUN_INFO_CELL % ts_literal(info))
    run_info.metadata["tags"] = ["injected-run-info"]
    nb.cells.append(run_info)

    nb_dir = os.path.dirname(os.path.abspath(a.notebook))
    client = TslabClient(
        nb,
        timeout=a.timeout,
        kernel_name=a.kernel,
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": nb_dir}},
    )
    failed = None
    t_start = time.time()
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code" or not cell.source.strip():
                    continue
                try:
                    client.execute_cell(cell, index)
                except (CellExecutionError, CellTimeoutError) as e:
                    failed = (index, cell, str(e))
                    break
                except KeyError as e:
                    # tslab answers a cancelled request without an execution_count.
                    failed = (index, cell, "cell was cancelled by the kernel (no execution count): %s" % e)
                    break
                status = ((client.last_reply or {}).get("content") or {}).get("status")
                client.last_reply = None
                if status != "ok":
                    failed = (index, cell, "the kernel answered status %r (cancelled or not executed)" % status)
                    break
    except DeadKernelError as e:
        print("FAILED %s: the kernel died: %s" % (a.name, e), file=sys.stderr)
        return 1

    if failed is not None:
        index, cell, msg = failed
        stderr = stream_text(cell, "stderr").strip()
        err = error_text(cell).strip()
        src = "\n".join("    " + l for l in cell.source.splitlines()[:12])
        print("", file=sys.stderr)
        print("FAILED %s: cell %d raised an error" % (a.name, index + 1), file=sys.stderr)
        print("  cell source:\n%s" % src, file=sys.stderr)
        detail = stderr or err or msg.strip() or "(the kernel gave no message)"
        print("  message:\n" + "\n".join("    " + l for l in detail.splitlines()), file=sys.stderr)
        redact(nb, a.unmask)
        os.makedirs(os.path.join(a.out_dir, "failed"), exist_ok=True)
        atomic_write(os.path.join(a.out_dir, "failed", a.name + ".ipynb"), nbformat.writes(nb))
        for stale in (a.name + ".html", a.name + ".ipynb"):
            p = os.path.join(a.out_dir, stale)
            if os.path.exists(p):
                os.unlink(p)
        return 1

    redact(nb, a.unmask)
    nb.metadata["profile_provenance"] = {"parameters": params, "hide_code": a.hide_code, "seconds": round(time.time() - t_start, 1)}
    os.makedirs(a.out_dir, exist_ok=True)
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    if a.hide_code:
        exporter.exclude_input = True
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": a.name}})
    body = self_contained(body)
    atomic_write(os.path.join(a.out_dir, a.name + ".ipynb"), nbformat.writes(nb))
    atomic_write(os.path.join(a.out_dir, a.name + ".html"), body)
    failed_copy = os.path.join(a.out_dir, "failed", a.name + ".ipynb")
    if os.path.exists(failed_copy):
        os.unlink(failed_copy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
