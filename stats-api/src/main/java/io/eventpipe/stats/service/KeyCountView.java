package io.eventpipe.stats.service;

/** A key of a window and how many of the window's events carried it. */
public record KeyCountView(String key, long count) {}
