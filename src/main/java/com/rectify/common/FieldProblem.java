package com.rectify.common;

/** One thing wrong with a request, named by its field, parameter or row. */
public record FieldProblem(String field, String message) {}
