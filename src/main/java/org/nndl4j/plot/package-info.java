/**
 * The pictures the course shows, as PNG files drawn with plain Java2D (no display needed; works with
 * {@code -Djava.awt.headless=true}).
 *
 * <ul>
 *   <li>{@link org.nndl4j.plot.LineChart}: learning curves ({@code plt.plot(costs)}), one or more labelled
 *       series with nice axis ticks and a legend;</li>
 *   <li>{@link org.nndl4j.plot.DecisionBoundaryPlot}: the course's {@code plot_decision_boundary} for
 *       two-feature data, a predictor's 0/1 regions under the labelled points;</li>
 *   <li>{@link org.nndl4j.plot.ImageGrid}: dataset pictures ({@code plt.imshow}), captions and
 *       sheets of pictures, e.g. the mislabelled images;</li>
 *   <li>{@link org.nndl4j.plot.Png}: atomic PNG writing.</li>
 * </ul>
 *
 * <p>Every renderer returns a new {@link java.awt.image.BufferedImage} and changes no global state
 * (no system properties, no AWT toolkit, no ImageIO settings). Colours follow matplotlib's defaults: the
 * {@code tab10} cycle for series and the two ends of the {@code Spectral} colormap for classes 0 and 1.
 */
package org.nndl4j.plot;
