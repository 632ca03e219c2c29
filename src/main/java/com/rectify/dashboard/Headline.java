package com.rectify.dashboard;

/** A number at the top of the dashboard and the register page that lists it. */
record Headline(String label, long value, String link, boolean alarm) {}
