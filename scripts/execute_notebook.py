#!/usr/bin/env python3
"""Execute one tslab notebook headlessly and write the executed notebook + HTML report.

Called by scripts/reproduce.mjs (run `npm run reproduce`, not this file). Why not plain
`jupyter nbconvert --execute`: tslab reports a cell error only as stderr text (nbconvert then
raises an empty "<Error>:") and cancels the requests that arrive in the next 200 ms, so with
--allow-errors later cells come back empty and the run exits 0. Here cells run one at a
time; the first failing, cancelled or unexecuted cell stops the run with the cell's own
stderr, and no report is written (no partial report).

Exit codes: 0 ok, 1 a cell failed, 2 usage/setup error, 3 a cell failed on an evidence error
(EvidenceError: the file is named, its content is not echoed).

Secrets and personal data: parameters whose names are secret (the list below mirrors
src/report/secrets.ts; test/hostile/secrets.test.ts checks they agree) are redacted in the
parameter cells, the run-information table, the notebook metadata, stderr and the failed
notebook, and their values are scrubbed from every byte written; mobile numbers are masked
everywhere unless --unmask (the metadata always masks them). A failed run never deletes the
previous good report: it writes failed/<name>.ipynb only.
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

# THE list of secret parameter names: mirror of SECRET_PARAMETER_NAMES / SECRET_NAME_ENDINGS in
# src/report/secrets.ts (normalised: lower case, no '-' or '_'). Keep the two in step.
SECRET_PARAMETER_NAMES = ["key", "hmackey", "pphmackey", "secret", "password", "passphrase", "token", "apikey"]
SECRET_NAME_ENDINGS = ["key", "secret", "password", "passphrase", "token"]
REDACTED = "<redacted>"


def is_secret_name(name):
    n = name.lower().replace("-", "").replace("_", "")
    return n in SECRET_PARAMETER_NAMES or any(n.endswith(e) for e in SECRET_NAME_ENDINGS)


# `name = 'literal'` (let/const, optional `: string`): the value of a secret name is redacted.
ASSIGNMENT = re.compile(r"""^(\s*(?:let\s+|const\s+)?)([A-Za-z_$][\w$]*)(\s*(?::\s*string\s*)?=\s*)(['"`])(.*?)\4""", re.M)


def redact_assignments(src):
    return ASSIGNMENT.sub(lambda m: m.group(1) + m.group(2) + m.group(3) + m.group(4) + (REDACTED if is_secret_name(m.group(2)) else m.group(5)) + m.group(4), src)


def redact_params(params, unmask):
    """Parameters fit for any output: secret names redacted, mobile numbers masked unless unmask."""
    def walk(v, name):
        if name is not None and is_secret_name(name) and v is not None and not isinstance(v, bool):
            return REDACTED
        if isinstance(v, str):
            return v if unmask else mask_mobiles(v)
        if isinstance(v, list):
            return [walk(x, None) for x in v]
        if isinstance(v, dict):
            return {k: walk(x, k) for k, x in v.items()}
        return v
    return walk(params, None)


def secret_values(params):
    """Raw values of secret parameters (to scrub from every byte written or printed)."""
    out = []
    for k, v in params.items():
        if is_secret_name(k) and isinstance(v, str) and len(v) >= 4:
            out.append(v)
    return out


def scrub_secrets(text, secrets):
    """Last line of defence for stderr and files: secret values (raw, JSON- and HTML-escaped) removed."""
    import html as _html
    for sv in secrets:
        for form in {sv, json.dumps(sv, ensure_ascii=False)[1:-1], json.dumps(sv)[1:-1], _html.escape(sv, quote=True), _html.escape(sv, quote=False)}:
            if form:
                text = text.replace(form, REDACTED)
    return text


def scrub(text, secrets, unmask):
    """Text for stderr or an HTML page: secrets removed; mobile numbers masked (outside <script>) unless unmask."""
    text = scrub_secrets(text, secrets)
    return text if unmask else mask_mobiles(text)


EVIDENCE_HEAD = re.compile(r"^\s*(?:EvidenceError:\s*)?(\d+\+? problems? in .*?)(?: \((?:line|row|item) = .*)?:?\s*$")
EVIDENCE_ISSUE = re.compile(r"""^\s*- (?P<loc>.*?(?: (?:line|row|item) \d+)?)(?:,? column '(?P<col>[^']*)')?(?:, value (?:"(?:[^"\\]|\\.)*"|[^:]*?))?: (?P<msg>.*)$""")
QUOTED = re.compile(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"")


def is_evidence_error(text):
    return re.search(r"\bEvidenceError\b", text) is not None


def withhold_evidence(text):
    """An EvidenceError as the report may show it: the file, row and column of each problem and
    what is wrong, but no value from the file (a path parameter may point at any file: its
    content must not be copied into stderr or the failed notebook)."""
    out = []
    for line in text.splitlines():
        h = EVIDENCE_HEAD.match(line)
        if h and not line.lstrip().startswith("-"):
            out.append("evidence error: " + h.group(1) + " (values from the file are withheld from reports; load the file in a notebook or the CLI to see them)")
            continue
        m = EVIDENCE_ISSUE.match(line)
        if m:
            col = m.group("col")
            msg = QUOTED.sub(lambda q: q.group(0) if col is not None and q.group(0).strip("'\"") == col else "'…'", m.group("msg"))
            out.append("  - %s%s: %s" % (m.group("loc"), ", column '%s'" % col if col is not None else "", msg))
    return "\n".join(out) if out else "evidence error (details withheld from reports)"


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
        src = redact_assignments(cell.source)
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
    ap.add_argument("--params-file-info", default="", help="path and SHA-256 of the parameters file, for the run information")
    a = ap.parse_args()

    nb = nbformat.read(a.notebook, as_version=4)
    localise_headings(nb, a.lang)
    params = json.loads(a.params_json)
    if params:
        inject_parameters(nb, params)
    shown_params = redact_params(params, a.unmask)
    secrets = secret_values(params)
    info = {
        "notebook": os.path.basename(a.notebook),
        "parameters": json.dumps(shown_params, ensure_ascii=False, sort_keys=True),
        "headings": a.lang,
        "code": "hidden" if a.hide_code else "shown",
        "masking": "off (--unmask; secrets still redacted)" if a.unmask else "mobile numbers masked, secrets redacted",
    }
    if a.params_file_info:
        info["parameters file"] = a.params_file_info
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
        print(scrub("FAILED %s: the kernel died: %s" % (a.name, e), secrets, a.unmask), file=sys.stderr)
        return 1

    if failed is not None:
        index, cell, msg = failed
        stderr = stream_text(cell, "stderr").strip()
        err = error_text(cell).strip()
        detail = stderr or err or msg.strip() or "(the kernel gave no message)"
        evidence = is_evidence_error(detail)
        if evidence:
            detail = withhold_evidence(detail)
            # The failed notebook keeps the withheld form only (no value from the file).
            cell["outputs"] = [nbformat.v4.new_output("stream", name="stderr", text=detail + "\n")]
        redact(nb, a.unmask)
        src = "\n".join("    " + l for l in cell.source.splitlines()[:12])
        report = [
            "",
            "FAILED %s: cell %d raised %s" % (a.name, index + 1, "an evidence error" if evidence else "an error"),
            "  cell source:\n%s" % src,
            "  message:\n" + "\n".join("    " + l for l in detail.splitlines()),
        ]
        print(scrub("\n".join(report), secrets, a.unmask), file=sys.stderr)
        nb.metadata["profile_provenance"] = {"parameters": redact_params(params, False), "hide_code": a.hide_code, "failed_cell": index + 1}
        os.makedirs(os.path.join(a.out_dir, "failed"), exist_ok=True)
        # The previous good report (if any) is left in place: a failed rerun never deletes it.
        atomic_write(os.path.join(a.out_dir, "failed", a.name + ".ipynb"), scrub_secrets(nbformat.writes(nb), secrets))
        return 3 if evidence else 1

    redact(nb, a.unmask)
    # Metadata is not displayed but travels with the file: secrets redacted, numbers always masked.
    nb.metadata["profile_provenance"] = {"parameters": redact_params(params, False), "hide_code": a.hide_code, "seconds": round(time.time() - t_start, 1)}
    os.makedirs(a.out_dir, exist_ok=True)
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    if a.hide_code:
        exporter.exclude_input = True
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": a.name}})
    body = self_contained(body)
    atomic_write(os.path.join(a.out_dir, a.name + ".ipynb"), scrub_secrets(nbformat.writes(nb), secrets))
    atomic_write(os.path.join(a.out_dir, a.name + ".html"), scrub(body, secrets, a.unmask))
    failed_copy = os.path.join(a.out_dir, "failed", a.name + ".ipynb")
    if os.path.exists(failed_copy):
        os.unlink(failed_copy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
