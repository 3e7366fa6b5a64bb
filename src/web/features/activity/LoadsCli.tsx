/** How activity files are loaded, unloaded and priced: with the command line on the server (src/cli). */
export function LoadsCli() {
  return (
    <section className="card" aria-labelledby="loads-cli-heading" data-testid="loads-cli">
      <h2 id="loads-cli-heading">Loading activity</h2>
      <p>Loads are managed with the command line on the server, not from this page:</p>
      <ul>
        <li>
          <code>commissioner activity load FILE…</code> checks and stores activity files (CSV or Parquet in
          the SUS-like layout; <code>--synthetic</code> labels generated rows). A row that fails a check is
          quarantined with its reason and line, and so is a row whose activity id is already held by another
          load. With <code>--supersede</code> the latest submission wins instead, as in SUS: such rows replace
          the earlier load&rsquo;s rows (the earlier file is kept, and unloading the new load brings its rows
          back). Loading the same file again changes nothing.
        </li>
        <li>
          <code>commissioner activity unload LOAD-ID…</code> removes loads with their quarantined rows; rows
          that only a removed load superseded are in force again. The current results keep their rows until
          the next run.
        </li>
        <li>
          <code>commissioner activity run</code> attributes (Who Pays), prices and aggregates everything
          loaded into a new results run, which the CCG activity pages then show.
        </li>
        <li>
          <code>commissioner activity status</code> lists the loads and the current run, as this page does.
        </li>
      </ul>
    </section>
  );
}
