package com.talentpipeline.core.task;

/**
 * Life cycle of a task. States only move forward (by {@link #rank()}), so a re-delivered RUNNING
 * event can never overwrite a SUCCEEDED one.
 */
public enum TaskState {
    ACCEPTED(0), RUNNING(1), SUCCEEDED(2), FAILED(2);

    private final int rank;

    TaskState(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
