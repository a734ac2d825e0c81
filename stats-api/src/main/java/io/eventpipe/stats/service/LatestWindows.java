package io.eventpipe.stats.service;

/**
 * The newest windows of one type.
 *
 * @param latestClosed the newest window the job has finalized, null if none
 * @param currentProvisional a newer window still open (provisional values), null if none
 */
public record LatestWindows(String type, WindowView latestClosed, WindowView currentProvisional) {}
