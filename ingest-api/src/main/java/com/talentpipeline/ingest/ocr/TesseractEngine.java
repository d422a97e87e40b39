package com.talentpipeline.ingest.ocr;

import com.talentpipeline.ingest.document.DocumentProblems;
import com.talentpipeline.ingest.document.OcrEngine;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.ETEXT_DESC;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract (LSTM engine) through the JavaCPP presets, whose linux-x86_64 jars carry the native
 * libraries. Loading the natives and the model takes about a second, so it happens once: in the
 * background at start-up ({@link #load()}) or, at the latest, on the first page. A pool of
 * {@code concurrency} initialised engines bounds the CPU OCR can take; a page waits for a free engine
 * within its deadline, and Tesseract itself stops at the deadline ({@code ETEXT_DESC} monitor).
 */
public class TesseractEngine implements OcrEngine {

    private static final Logger log = LoggerFactory.getLogger(TesseractEngine.class);

    /** Where the engine is in its life. */
    public enum State { NOT_LOADED, LOADING, READY, FAILED }

    private final OcrProperties properties;
    private volatile State state = State.NOT_LOADED;
    private volatile String failure;
    private volatile String version;
    private volatile Path tessdata;
    private volatile long loadMillis;
    private BlockingQueue<TessBaseAPI> pool;

    public TesseractEngine(OcrProperties properties) {
        this.properties = properties;
    }

    /** Loads the natives and initialises the engines; idempotent, and safe from several threads. */
    public synchronized void load() {
        if (state == State.READY || state == State.FAILED) {
            return;
        }
        state = State.LOADING;
        long started = System.nanoTime();
        try {
            Path dir = TessdataFiles.resolve(properties.tessdataPath(), properties.cacheDir(), properties.language());
            int size = Math.max(1, properties.concurrency());
            BlockingQueue<TessBaseAPI> engines = new ArrayBlockingQueue<>(size);
            for (int i = 0; i < size; i++) {
                TessBaseAPI api = new TessBaseAPI();
                if (api.Init(dir.toString(), properties.language(), tesseract.OEM_LSTM_ONLY) != 0) {
                    api.close();
                    throw new IllegalStateException("Tesseract could not load " + properties.language()
                            + ".traineddata from " + dir);
                }
                api.SetPageSegMode(tesseract.PSM_AUTO);
                // No dictionary of "corrected" words: names and e-mail addresses must come out as printed.
                api.SetVariable("load_system_dawg", "0");
                engines.add(api);
            }
            try (BytePointer v = TessBaseAPI.Version()) {
                version = v.getString(StandardCharsets.UTF_8);
            }
            tessdata = dir;
            pool = engines;
            loadMillis = (System.nanoTime() - started) / 1_000_000;
            state = State.READY;
            log.info("OCR ready: tesseract {} ({}) from {} in {} ms, {} engine(s)", version, properties.language(),
                    dir, loadMillis, size);
        } catch (RuntimeException | LinkageError e) {
            failure = e.toString();
            state = State.FAILED;
            log.error("OCR unavailable: {}", failure);
        }
    }

    @Override
    public String recognise(BufferedImage page, int dpi, long deadlineNanos) {
        if (state != State.READY) {
            load();
        }
        if (state != State.READY) {
            throw DocumentProblems.ocrUnavailable(); // the reason is logged and in the health contributor
        }
        TessBaseAPI api;
        try {
            api = pool.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DocumentProblems.ocrTimeout();
        }
        if (api == null) {
            throw DocumentProblems.ocrTimeout(); // every engine busy until the deadline
        }
        try {
            return read(api, page, dpi, deadlineNanos);
        } finally {
            api.Clear();
            pool.add(api);
        }
    }

    private static String read(TessBaseAPI api, BufferedImage page, int dpi, long deadlineNanos) {
        long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (leftMillis <= 0) {
            throw DocumentProblems.ocrTimeout();
        }
        byte[] pixels = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        int stride = page.getRaster().getSampleModel() instanceof ComponentSampleModel m
                ? m.getScanlineStride() : page.getWidth();
        api.SetImage(pixels, page.getWidth(), page.getHeight(), 1, stride);
        api.SetSourceResolution(dpi);
        try (ETEXT_DESC monitor = new ETEXT_DESC()) {
            monitor.set_deadline_msecs((int) Math.min(Integer.MAX_VALUE, leftMillis));
            int rc = api.Recognize(monitor);
            if (monitor.deadline_exceeded()) {
                throw DocumentProblems.ocrTimeout();
            }
            if (rc != 0) {
                throw new IllegalStateException("Tesseract could not recognise the page (" + rc + ")");
            }
        }
        try (BytePointer text = api.GetUTF8Text()) {
            return text == null || text.isNull() ? "" : text.getString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public String name() {
        return "tesseract " + (version == null ? "" : version) + " (" + properties.language() + ")";
    }

    /** The current state. */
    public State state() {
        return state;
    }

    /** Why loading failed, or null. */
    public String failure() {
        return failure;
    }

    /** The Tesseract version, null until loaded. */
    public String version() {
        return version;
    }

    /** The tessdata folder in use, null until loaded. */
    public Path tessdata() {
        return tessdata;
    }

    /** How long loading took, 0 until loaded. */
    public long loadMillis() {
        return loadMillis;
    }

    /** Frees the native engines (application shutdown). */
    public synchronized void close() {
        if (pool != null) {
            TessBaseAPI api;
            while ((api = pool.poll()) != null) {
                api.End();
                api.close();
            }
        }
    }
}
