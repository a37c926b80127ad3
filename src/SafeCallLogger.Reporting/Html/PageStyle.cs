namespace SafeCallLogger.Reporting.Html;

/// <summary>
/// The page's only style sheet, inline: system fonts (no font download), a single column that fits a phone, charts
/// as wide as the screen, tables that scroll sideways, and a dark variant. No <c>&lt;</c> or <c>&amp;</c> in it,
/// so the page stays well-formed XML.
/// </summary>
internal static class PageStyle
{
    public const string Css = """
        :root{--fg:#1d2430;--muted:#5b6675;--bg:#fff;--card:#f5f7fa;--line:#d9dee5;--bar:#2f6fd0;--neg:#c9423a;
        --s0:#2f6fd0;--s1:#e0912b;--s2:#3a9a5b;--s3:#8b5cc7;--s4:#c9423a;--s5:#5b6675}
        @media (prefers-color-scheme:dark){:root{--fg:#e6e9ee;--muted:#a3acb9;--bg:#14181e;--card:#1d232b;--line:#38414d;
        --bar:#5b94ea;--neg:#ea6a60;--s0:#5b94ea;--s1:#f0a548;--s2:#5cc07d;--s3:#a987df;--s4:#ea6a60;--s5:#a3acb9}}
        *{box-sizing:border-box}
        body{margin:0;padding:12px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        main{max-width:860px;margin:0 auto}
        h1{font-size:1.45em;margin:.2em 0}
        h2{font-size:1.2em;margin:0 0 .2em}
        h3{font-size:1em;margin:1em 0 .3em}
        header .meta{color:var(--muted);margin:.2em 0}
        .totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:8px;margin:12px 0}
        .total{background:var(--card);border-radius:8px;padding:8px 10px}
        .total b{display:block;font-size:1.3em;font-variant-numeric:tabular-nums}
        .total span{color:var(--muted);font-size:.85em}
        nav{margin:8px 0 12px;font-size:.9em}
        nav a{display:inline-block;margin:2px 10px 2px 0;color:var(--bar)}
        section{background:var(--card);border-radius:10px;padding:12px;margin:14px 0}
        .question,.note{color:var(--muted);margin:.1em 0 .6em;font-size:.92em}
        .empty{padding:18px 0;text-align:center;color:var(--muted);font-style:italic}
        svg.chart{display:block;width:100%;max-width:680px;height:auto;margin:4px 0 8px}
        svg text{font:12px system-ui,sans-serif;fill:var(--fg)}
        svg .tick{fill:var(--muted);font-size:11px}
        svg .figure{font-variant-numeric:tabular-nums}
        svg .grid{stroke:var(--line);stroke-width:1}
        svg .axis{stroke:var(--muted);stroke-width:1}
        svg .bar{fill:var(--bar)}
        svg .bar.neg{fill:var(--neg)}
        svg .s0{fill:var(--s0)} svg .s1{fill:var(--s1)} svg .s2{fill:var(--s2)}
        svg .s3{fill:var(--s3)} svg .s4{fill:var(--s4)} svg .s5{fill:var(--s5)}
        svg .line{fill:none;stroke-width:2}
        svg .l0{stroke:var(--s0)} svg .l1{stroke:var(--s1)} svg .l2{stroke:var(--s2)}
        svg .l3{stroke:var(--s3)} svg .l4{stroke:var(--s4)} svg .l5{stroke:var(--s5)}
        .table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
        table{border-collapse:collapse;width:100%;font-size:.88em;white-space:nowrap}
        th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left}
        th{color:var(--muted);font-weight:600}
        .num{text-align:right;font-variant-numeric:tabular-nums}
        footer{color:var(--muted);font-size:.85em;margin:20px 0}
        """;
}
