/**
 * The {@code hybrid} command ({@link io.hybridllm.launcher.Hybrid}, on picocli): each command is a class in the package
 * of what it runs ({@code system} for {@code up}, {@code bench}, {@code faults}, {@code submit}, {@code dlq}...), and
 * {@code cli} holds what they share. {@code up} runs the whole system on one machine; see {@code system}.
 */
package io.hybridllm.launcher;
