package com.rectify.common;

import java.util.List;

public record ApiErrorBody(int status, String message, List<FieldProblem> errors) {}
