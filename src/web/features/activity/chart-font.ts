/**
 * The page's font stack (styles.css --font) for ECharts: it measures legend and axis labels with this
 * font, so with `inherit` it measures in a fallback font and the labels overlap.
 */
export const CHART_FONT = '"Frutiger W01", Arial, "Helvetica Neue", Helvetica, sans-serif';
