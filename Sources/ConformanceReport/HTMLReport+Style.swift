extension HTMLReport {
    /// The page's only style sheet, inline: system fonts, verdict colours, a light and a dark scheme.
    package static let stylesheet = """
        :root {
          --pass: #1a7f37; --fail: #cf222e; --warn: #b88700; --note: #0969da; --skip: #6e7781; --error: #8250df;
          --fg: #1f2328; --muted: #656d76; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de;
          --del-bg: #ffebe9; --add-bg: #dafbe1; --quote: #f3f0ff;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --fg: #e6edf3; --muted: #8d96a0; --bg: #0d1117; --panel: #161b22; --line: #30363d;
            --del-bg: #3c1618; --add-bg: #12261e; --quote: #1f1a33;
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1200px; padding: 24px; color: var(--fg); background: var(--bg);
          font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
        pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
        h1 { font-size: 22px; margin: 0 0 8px; display: flex; align-items: center; gap: 10px; }
        h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 20px 0 8px; }
        .muted, footer { color: var(--muted); }
        footer { margin-top: 32px; font-size: 12px; }
        .meta { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0; }
        .meta dt { color: var(--muted); font-size: 12px; }
        .meta dd { margin: 0; }
        .banner { margin: 16px 0; padding: 10px 14px; border-radius: 6px; background: #fff8c5; color: #4d2d00;
          border: 1px solid #d4a72c; }
        .badge { display: inline-block; min-width: 52px; padding: 1px 8px; border-radius: 12px; color: #fff;
          font: 600 12px/18px ui-monospace, Menlo, Consolas, monospace; text-align: center; vertical-align: middle; }
        .badge.v-pass { background: var(--pass); } .badge.v-fail { background: var(--fail); }
        .badge.v-warn { background: var(--warn); } .badge.v-note { background: var(--note); }
        .badge.v-skip { background: var(--skip); } .badge.v-error { background: var(--error); }
        .badge.v-waived { background: var(--skip); } .bar .v-waived { background: var(--skip); }
        .legend .v-waived .dot { background: var(--skip); }
        .summary { margin: 20px 0; }
        .summary .total { margin: 0 0 6px; }
        .bar { display: flex; height: 18px; border-radius: 9px; overflow: hidden; background: var(--line); }
        .bar span { display: block; min-width: 4px; }
        .bar .v-pass { background: var(--pass); } .bar .v-fail { background: var(--fail); }
        .bar .v-warn { background: var(--warn); } .bar .v-note { background: var(--note); }
        .bar .v-skip { background: var(--skip); } .bar .v-error { background: var(--error); }
        .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 18px; padding: 0; margin: 8px 0 0; }
        .legend .dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; }
        .legend .v-pass .dot { background: var(--pass); } .legend .v-fail .dot { background: var(--fail); }
        .legend .v-warn .dot { background: var(--warn); } .legend .v-note .dot { background: var(--note); }
        .legend .v-skip .dot { background: var(--skip); } .legend .v-error .dot { background: var(--error); }
        .legend .zero { opacity: 0.45; }
        table.operations { border-collapse: collapse; width: 100%; }
        .operations th, .operations td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: right; }
        .operations th[scope=row], .operations thead th:first-child { text-align: left; font-weight: 500; }
        .operations thead th { font-size: 12px; color: var(--muted); }
        .operations td.zero { color: var(--muted); opacity: 0.5; }
        .operations td.v-pass { color: var(--pass); } .operations td.v-fail { color: var(--fail); font-weight: 700; }
        .operations td.v-warn { color: var(--warn); font-weight: 700; } .operations td.v-note { color: var(--note); }
        .operations td.v-skip { color: var(--skip); } .operations td.v-error { color: var(--error); font-weight: 700; }
        a { color: var(--note); }
        .case { border: 1px solid var(--line); border-left: 5px solid var(--skip); border-radius: 6px;
          padding: 10px 14px; margin: 10px 0; background: var(--bg); }
        .case.v-fail { border-left-color: var(--fail); } .case.v-warn { border-left-color: var(--warn); }
        .case.v-note { border-left-color: var(--note); } .case.v-error { border-left-color: var(--error); }
        .case > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; }
        .case .id { font-weight: 600; font-size: 13.5px; }
        .case .title { flex: 1; }
        .cites, .reason { margin: 6px 0; }
        .cites { color: var(--muted); font-size: 12px; }
        .deviation { margin: 10px 0; padding: 8px 12px; background: var(--panel); border-radius: 6px; }
        .deviation .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; }
        .deviation .req { font-weight: 700; }
        .level { font-size: 11px; font-weight: 700; padding: 0 6px; border-radius: 4px; color: #fff; }
        .level.lvl-must { background: var(--fail); } .level.lvl-should { background: var(--warn); }
        .level.lvl-info { background: var(--note); }
        .message { margin: 6px 0; font-weight: 500; }
        .clause { margin: 6px 0; padding: 6px 12px; border-left: 3px solid var(--error); background: var(--quote);
          border-radius: 0 4px 4px 0; }
        .clause p { margin: 0; font-style: italic; }
        .clause cite { display: block; font-size: 12px; color: var(--muted); font-style: normal; }
        .erratum { margin: 6px 0; padding: 4px 10px; border-left: 3px solid var(--warn); }
        .diff { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; margin: 6px 0; }
        .diff > div { border: 1px solid var(--line); border-radius: 4px; padding: 4px 8px; min-width: 0; }
        .diff .expected { background: var(--del-bg); } .diff .actual { background: var(--add-bg); }
        .label { display: block; font-size: 11px; font-weight: 600; color: var(--muted); text-transform: uppercase; }
        .reproduce { margin: 6px 0; }
        pre.curl { padding: 6px 8px; border: 1px dashed var(--line); border-radius: 4px; background: var(--bg);
          user-select: all; -webkit-user-select: all; }
        .notes { margin: 8px 0; padding-left: 20px; }
        details { margin: 6px 0; }
        summary { cursor: pointer; color: var(--muted); font-size: 12.5px; }
        .transcript ol { margin: 6px 0; padding-left: 34px; font: 12px/1.45 ui-monospace, Menlo, Consolas, monospace;
          overflow-wrap: anywhere; }
        .transcript li.notification { color: var(--note); }
        .transcript li.step { color: var(--muted); }
        .passed { columns: 2 420px; padding-left: 0; list-style: none; margin: 0; }
        .passed li { break-inside: avoid; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .passed .check { color: var(--pass); font-weight: 700; }
        @media (max-width: 700px) { .diff { grid-template-columns: 1fr; } }

        """
}
