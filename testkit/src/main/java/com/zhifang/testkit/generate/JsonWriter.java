package com.zhifang.testkit.generate;

import java.util.ArrayDeque;
import java.util.Deque;

/** A tiny streaming JSON writer (objects, arrays, strings, numbers, booleans, null), pretty-printed with 2 spaces. */
final class JsonWriter {

    private final StringBuilder sb = new StringBuilder(1 << 16);
    /** Per open container: has it got an element yet. */
    private final Deque<boolean[]> stack = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        beforeValue();
        sb.append('{');
        stack.push(new boolean[] {false});
        return this;
    }

    JsonWriter endObject() {
        close('}');
        return this;
    }

    JsonWriter beginArray() {
        beforeValue();
        sb.append('[');
        stack.push(new boolean[] {false});
        return this;
    }

    JsonWriter endArray() {
        close(']');
        return this;
    }

    JsonWriter name(String name) {
        separator();
        string(name);
        sb.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        beforeValue();
        if (value == null) {
            sb.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonWriter value(long value) {
        beforeValue();
        sb.append(value);
        return this;
    }

    JsonWriter value(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a JSON number: " + value);
        }
        beforeValue();
        sb.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        beforeValue();
        sb.append(value);
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, double value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    @Override
    public String toString() {
        if (!stack.isEmpty()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        return sb + "\n";
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        separator();
    }

    private void separator() {
        boolean[] top = stack.peek();
        if (top == null) {
            return;
        }
        if (top[0]) {
            sb.append(',');
        }
        top[0] = true;
        newline(stack.size());
    }

    private void close(char c) {
        boolean[] top = stack.pop();
        if (top[0]) {
            newline(stack.size());
        }
        sb.append(c);
    }

    private void newline(int depth) {
        sb.append('\n');
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
