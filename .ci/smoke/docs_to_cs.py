#!/usr/bin/env python3
"""Writes every ```csharp block of the given Markdown files as a C# file a consumer project compiles.

The same rules as tests/SafeCallLogger.Docs.Tests (MarkdownSnippets.cs, SnippetCompiler.cs): the HTML comment on the
line above a fence says how a block is checked. No comment: a whole program; its leading using lines stay at the top
of the file and its statements become the body of a method taking `string[] args` (a project has one entry point,
and the smoke driver is it). `<!-- compile: fragment(params) -->`: the same, with those parameters.
`<!-- compile: excerpt ... -->` and `<!-- compile: no (why) -->`: skipped (the docs test checks them). The code is
copied unchanged; `#line` makes a compiler error point at the Markdown file and line.

Usage: docs_to_cs.py OUT_DIR ROOT FILE.md...   (FILE relative to ROOT)
"""
import os
import re
import sys

MARKER = re.compile(r"^<!-- compile: (?P<kind>fragment|excerpt|no)\b(?P<arg>.*?)-->$")


def is_using(line):
    t = line.strip()
    return t.startswith("using ") and t.endswith(";") and not t.startswith("using var ") and "(" not in t


def blocks(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```csharp":
            i += 1
            continue
        start = end = i + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        above = lines[i - 1].strip() if i > 0 else ""
        kind, arg = "program", "string[] args"
        if above.startswith("<!-- compile:"):
            m = MARKER.match(above)
            if not m:
                sys.exit(f"{path}:{i}: unreadable marker {above!r}")
            kind = m.group("kind")
            arg = m.group("arg").strip().removeprefix("(").removesuffix(")")
        yield start + 1, lines[start:end], kind, arg
        i = end + 1


def wrap(rel, line, code, params, name):
    body = 0
    while body < len(code) and (is_using(code[body]) or not code[body].strip()):
        body += 1
    out = [f'#line {line} "{rel}"', *code[:body], "#line hidden",
           "#pragma warning disable CS1998 // Not every block awaits.",
           f"internal static class {name}", "{", f"    internal static async Task RunAsync({params})", "    {",
           f'#line {line + body} "{rel}"', *code[body:], "#line hidden", "    }", "}", ""]
    return "\n".join(out)


def main():
    out_dir, root, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    count = 0
    for rel in files:
        for line, code, kind, params in blocks(os.path.join(root, rel)):
            if kind in ("excerpt", "no"):
                continue
            name = "Doc_" + re.sub(r"\W", "_", rel) + f"_{line}"
            with open(os.path.join(out_dir, name + ".cs"), "w", encoding="utf-8") as f:
                f.write(wrap(rel, line, code, params, name))
            count += 1
    print(count)


if __name__ == "__main__":
    main()
