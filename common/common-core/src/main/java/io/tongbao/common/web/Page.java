package io.tongbao.common.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A page of results: {@code page} counts from 1. */
public record Page<T>(List<T> items, int page, int size, @JsonFormat(shape = JsonFormat.Shape.NUMBER) long total) {
}
