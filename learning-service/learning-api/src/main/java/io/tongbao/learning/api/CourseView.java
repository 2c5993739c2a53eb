package io.tongbao.learning.api;

/** A course; {@code charge} is FREE or PAID and {@code price} is yuan with two decimals ("0.00" when free). */
public record CourseView(long courseId, String name, String price, String currency, String charge) {
}
