package com.rectify.web;

/** One thing wrong with a request, named by its field, parameter or row. */
public record FieldProblem(String field, String message) {}
