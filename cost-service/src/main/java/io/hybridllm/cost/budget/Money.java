package io.hybridllm.cost.budget;

import java.math.BigDecimal;

/** Amounts as people read them. */
public final class Money {

    /** Without trailing zeros (a numeric column's 30.000000 is 30), and never in exponent notation (10, not 1E+1). */
    public static BigDecimal plain(BigDecimal usd) {
        BigDecimal stripped = usd.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private Money() {
    }
}
