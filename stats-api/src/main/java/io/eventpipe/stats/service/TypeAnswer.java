package io.eventpipe.stats.service;

/** The part of an overview about one type: its totals and its newest windows. */
record TypeAnswer(TypeSummary totals, LatestWindows latest) {}
