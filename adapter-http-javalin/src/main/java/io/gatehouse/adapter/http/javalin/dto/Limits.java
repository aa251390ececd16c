package io.gatehouse.adapter.http.javalin.dto;

/** Upper bounds on request fields, so that no input is large enough to cost more than its answer. */
final class Limits {

    /** Far above bcrypt's 72 bytes: long inputs get the policy's clear message, absurd ones a 422. */
    static final int PASSWORD = 1024;
    static final int NAME = 255;
    static final int EMAIL = 320;
    static final int TEXT = 2000;
    /** Distinguished names, filters and file paths of directory settings. */
    static final int DIRECTORY_TEXT = 4096;

    private Limits() {
    }
}
