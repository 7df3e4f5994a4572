package org.borderid.finger.engine.extract;

/** Engine-internal: the ridge period per cell, pixels at 500 dpi, smoothed and clamped to the valid range. */
public final class FrequencyField {
    private final CellGrid grid;
    private final float[] period;
    private final float median;

    FrequencyField(CellGrid grid, float[] period, float median) {
        this.grid = grid;
        this.period = period;
        this.median = median;
    }

    /** Ridge period of cell {@code i}, pixels. */
    public float period(int i) {
        return period[i];
    }

    /** Ridge period interpolated at a pixel. */
    public float periodAt(float x, float y) {
        return grid.interpolate(period, x, y);
    }

    float[] periods() {
        return period;
    }

    /** Median period over the foreground, pixels: the print's typical ridge spacing. */
    public float medianPeriod() {
        return median;
    }
}
