package dev.confirma.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Random values drawn from one seeded {@link Random}, so a run is repeated exactly from its
 * seed. Small on purpose: the interesting inputs are listed where they are used, beside
 * these plain random ones.
 */
@FunctionalInterface
public interface Generator<T> {

    T next(Random random);

    default <U> Generator<U> map(Function<? super T, ? extends U> mapping) {
        return random -> mapping.apply(next(random));
    }

    /** A weight and what it chooses, for {@link #weighted}. */
    record Choice<T>(int weight, Generator<? extends T> generator) {
    }

    static <T> Choice<T> w(int weight, Generator<? extends T> generator) {
        return new Choice<>(weight, generator);
    }

    static <T> Generator<T> just(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Generator<T> of(T... values) {
        return of(List.of(values));
    }

    static <T> Generator<T> of(List<T> values) {
        return random -> values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
        return random -> generators[random.nextInt(generators.length)].next(random);
    }

    @SafeVarargs
    static <T> Generator<T> weighted(Choice<T>... choices) {
        int total = 0;
        for (Choice<T> choice : choices) {
            total += choice.weight();
        }
        int sum = total;
        return random -> {
            int pick = random.nextInt(sum);
            for (Choice<T> choice : choices) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.generator().next(random);
                }
            }
            throw new IllegalStateException("unreachable");
        };
    }

    static Generator<Integer> between(int min, int max) {
        return random -> min + random.nextInt(max - min + 1);
    }

    static <T> Generator<List<T>> listOf(Generator<T> element, int maxSize) {
        return random -> {
            int size = random.nextInt(maxSize + 1);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(element.next(random));
            }
            return list;
        };
    }

    /** Text of up to {@code maxLength} characters from {@code chars}. */
    static Generator<String> text(Generator<Character> chars, int minLength, int maxLength) {
        return random -> {
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(chars.next(random));
            }
            return text.toString();
        };
    }

    /** Any UTF-16 unit, surrogates and controls included; one in three from ASCII so text still looks like text. */
    static Generator<Character> anyChar() {
        return random -> (char) (random.nextInt(3) == 0 ? random.nextInt(0x80) : random.nextInt(0x10000));
    }

    static Generator<Character> charsIn(char first, char last) {
        return random -> (char) (first + random.nextInt(last - first + 1));
    }

    static Generator<BigInteger> bigIntegers(int maxBits) {
        return random -> {
            BigInteger magnitude = new BigInteger(random.nextInt(maxBits + 1), random);
            return random.nextBoolean() ? magnitude : magnitude.negate();
        };
    }

    static Generator<BigDecimal> bigDecimals(int maxBits, int maxScale) {
        return random -> new BigDecimal(bigIntegers(maxBits).next(random), random.nextInt(maxScale + 1));
    }
}
