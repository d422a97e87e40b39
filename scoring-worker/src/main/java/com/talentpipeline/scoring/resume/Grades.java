package com.talentpipeline.scoring.resume;

/** The seeds' grade scale: A+ 95-100, A 90-94, B+ 85-89, B 80-84, C+ 75-79, C 70-74, D 60-69, F below 60. */
public final class Grades {

    private Grades() {
    }

    /** The grade of a 0-100 score. */
    public static String of(int score) {
        if (score >= 95) {
            return "A+";
        } else if (score >= 90) {
            return "A";
        } else if (score >= 85) {
            return "B+";
        } else if (score >= 80) {
            return "B";
        } else if (score >= 75) {
            return "C+";
        } else if (score >= 70) {
            return "C";
        } else if (score >= 60) {
            return "D";
        }
        return "F";
    }
}
