package io.hybridllm.launcher.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import io.hybridllm.contracts.TaskType;

/**
 * Labelled prompts made up by this project, for {@code hybrid eval make-data}: twelve families of templated prompts
 * with varied wording, each labelled by a stated rule of what a small local model and a strong cloud model plausibly
 * get right, then each label flipped with probability {@code noise}. Length and difficulty keywords do not decide the
 * labels: there are long easy prompts (summaries), easy ones full of keywords or code, and short hard ones (large
 * products, niche facts, chained syllogisms). Nothing here was measured on a model: it shows whether a scorer can learn
 * families from outcomes, not how well a real router picks models.
 */
final class SyntheticPrompts {

    /** A family: its name, the rule that labels it (in words, for the docs) and how it makes one labelled prompt. */
    record Family(String name, String rule, Function<Random, LabelledPrompt> make) {
    }

    static final List<Family> FAMILIES = List.of(
            new Family("greeting", "weak and strong ok",
                    r -> easy(pick(r, "Hi", "Hello", "Hey there", "Good morning") + pick(r, "! ", ", ")
                            + pick(r, "how are you today?", "can you say hello back in French?",
                                    "what should I call you?", "nice to meet you. Who are you?"),
                            null)),
            new Family("capital", "weak and strong ok",
                    r -> easy(pick(r, "What is the capital of ", "Which city is the capital of ",
                            "Name the capital city of ")
                            + pick(r, "France", "Japan", "Italy", "Canada", "Egypt", "Spain", "Germany", "Brazil")
                            + "?", null)),
            new Family("summary", "weak and strong ok (long, easy, often with keywords)",
                    r -> easy(pick(r, "Summarise the following paragraph in one sentence:\n\n",
                            "Give a one-line summary of this text:\n\n", "TL;DR this for me, please:\n\n")
                            + paragraph(r), TaskType.SUMMARIZE)),
            new Family("keyword-easy", "weak and strong ok (short, easy, with difficulty keywords)",
                    r -> easy(pick(r, "Explain step by step how to ", "Compare two ways to ",
                            "Analyze in one sentence why people ")
                            + pick(r, "boil an egg", "make a cup of tea", "water a house plant", "tie a shoelace",
                                    "fold a paper plane")
                            + ".", null)),
            new Family("docstring", "weak and strong ok (code fence, easy)",
                    r -> easy("Add a one-line docstring to " + "this function:\n```python\ndef "
                            + pick(r, "total", "combine", "merge_counts", "add_up") + "(a, b):\n    return a "
                            + pick(r, "+", "-", "*") + " b\n```", TaskType.REFACTOR)),
            new Family("rewrite", "weak and strong ok",
                    r -> easy(pick(r, "Rewrite this more politely: ", "Make this sentence friendlier: ",
                            "Rephrase for a customer email: ")
                            + "'"
                            + pick(r, "Send me the report now.", "Your invoice is late again.",
                                    "I will not attend the meeting.", "Fix the printer today.")
                            + "'", null)),
            new Family("product", "weak ok iff both factors are below 100; strong ok iff below 100,000", r -> {
                int digits = 2 + r.nextInt(5);
                long a = number(r, digits);
                long b = number(r, digits);
                return new LabelledPrompt(pick(r, "What is ", "Compute ", "Calculate exactly ") + a
                        + pick(r, " × ", " * ", " times ") + b + "?", a < 100 && b < 100, a < 100_000 && b < 100_000,
                        null);
            }), new Family("proof", "strong ok, weak ok only for the textbook statements (the first two)", r -> {
                int which = r.nextInt(6);
                String statement = List
                        .of("the sum of two even numbers is even", "the square of an odd number is odd",
                                "there are infinitely many primes", "the square root of 2 is irrational",
                                "every tree with n vertices has n - 1 edges", "a group of prime order is cyclic")
                        .get(which);
                return new LabelledPrompt(
                        pick(r, "Prove that ", "Give a rigorous proof that ", "Show formally that ") + statement + ".",
                        which < 2, true, null);
            }),
            new Family("tricky-code", "strong ok, weak not",
                    r -> new LabelledPrompt(
                            pick(r, "What does this print?", "What is the output, exactly?", "Predict the output:")
                                    + "\n```python\n"
                                    + pick(r, "def f(x, acc=[]):\n    acc.append(x)\n    return acc\nf(1)\nprint(f(2))",
                                            "fs = [lambda: i for i in range(3)]\nprint([g() for g in fs])",
                                            "a = 256\nb = 256\nc = 257\nd = 257\nprint(a is b, c is d)",
                                            "x = [[0] * 2] * 2\nx[0][0] = 1\nprint(x)")
                                    + "\n```",
                            false, true, TaskType.EXPLAIN)),
            new Family("niche-fact", "weak not; strong ok iff the year is 1900 or later", r -> {
                int year = 1850 + r.nextInt(120);
                return new LabelledPrompt(pick(r, "Who was the ", "Name the ", "Which person served as the ")
                        + pick(r, "mayor", "harbour master", "postmaster", "stationmaster") + " of "
                        + pick(r, "Tartu", "Skagen", "Ballina", "Ourense", "Vaasa", "Kalmar") + " in " + year + "?",
                        false, year >= 1900, null);
            }),
            new Family("word-problem", "strong ok, weak not (long, hard)",
                    r -> new LabelledPrompt(
                            "A warehouse starts " + "the week with " + number(r, 3) + " boxes. " + paragraph(r)
                                    + "\n\nEach weekday it receives " + number(r, 2) + " boxes and ships "
                                    + number(r, 2) + " percent of what it holds at noon, rounding "
                                    + "down. How many boxes does it hold on Friday evening? Give the number.",
                            false, true, null)),
            new Family("syllogism", "strong ok; weak ok iff two premises (not three)", r -> {
                boolean three = r.nextBoolean();
                String a = pick(r, "blip", "wug", "zorp");
                String b = pick(r, "blop", "fep");
                String c = pick(r, "flim", "gorp");
                String d = pick(r, "tov", "mib");
                String premises = "All " + a + "s are " + b + "s. No " + b + " is a " + c + "."
                        + (three ? " All " + d + "s are " + c + "s." : "");
                return new LabelledPrompt(
                        premises + pick(r, " Can a ", " Could a ") + a + " be a " + (three ? d : c) + "? One word.",
                        !three, true, null);
            }));

    private static final List<String> SENTENCES = List.of("The town council met on Tuesday to discuss the new library.",
            "Its architecture follows the old market hall, with tall windows and a slate roof.",
            "Residents asked about parking, opening hours and the security of the bicycle racks.",
            "The design team said the performance of the heating system had been tested in winter.",
            "A local bakery offered to run a small café in the entrance hall.",
            "Children will have a reading corner with cushions and a puppet theatre.",
            "The budget was approved after a short debate about the cost of the lift.",
            "Volunteers will help move the books from the old building in spring.",
            "The mayor thanked everyone and invited them to the opening in September.",
            "Some people wanted longer hours on Saturdays, which the council will consider.");

    private SyntheticPrompts() {
    }

    /** {@code count} labelled prompts, families drawn at random, labels flipped with probability {@code noise}. */
    static List<LabelledPrompt> generate(int count, long seed, double noise) {
        Random random = new Random(seed);
        List<LabelledPrompt> prompts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LabelledPrompt clean = FAMILIES.get(random.nextInt(FAMILIES.size())).make().apply(random);
            prompts.add(new LabelledPrompt(clean.prompt(), clean.weakOk() ^ random.nextDouble() < noise,
                    clean.strongOk() ^ random.nextDouble() < noise, clean.taskType()));
        }
        return prompts;
    }

    private static LabelledPrompt easy(String prompt, TaskType taskType) {
        return new LabelledPrompt(prompt, true, true, taskType);
    }

    private static String paragraph(Random random) {
        List<String> sentences = new ArrayList<>(SENTENCES);
        Collections.shuffle(sentences, random);
        return String.join(" ", sentences.subList(0, 4 + random.nextInt(SENTENCES.size() - 3)));
    }

    private static long number(Random random, int digits) {
        long low = (long) Math.pow(10, digits - 1);
        return low + (long) (random.nextDouble() * 9 * low);
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
