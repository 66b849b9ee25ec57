/** The shortcuts, in small print under the form (hidden on touch-first small screens and in print). */
export function KeyboardLegend() {
  const key = "rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800 shadow-sm";
  return (
    <section aria-label="Keyboard shortcuts" data-print="hide" className="mt-4 hidden text-sm text-slate-600 md:block">
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <kbd className={key}>←</kbd> <kbd className={key}>→</kbd> previous / next step
        </li>
        <li>
          <kbd className={key}>1</kbd>–<kbd className={key}>9</kbd> choose an option in the question you are in
        </li>
        <li>
          <kbd className={key}>Tab</kbd> next question · <kbd className={key}>Space</kbd> tick a box
        </li>
      </ul>
    </section>
  );
}
