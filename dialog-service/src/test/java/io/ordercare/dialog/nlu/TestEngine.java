package io.ordercare.dialog.nlu;

/**
 * One engine for all NLU tests of a run: loading takes seconds, and surefire runs the test classes in one JVM.
 */
final class TestEngine {

    private static NluEngine engine;

    private TestEngine() {
    }

    static synchronized NluEngine get() {
        if (engine == null) {
            engine = NluEngine.load();
        }
        return engine;
    }
}
