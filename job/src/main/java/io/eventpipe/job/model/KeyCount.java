package io.eventpipe.job.model;

import java.io.Serializable;

/** A key (page, item, repository...) and how many events of a window carried it. */
public record KeyCount(String key, long count) implements Serializable {}
