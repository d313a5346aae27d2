/**
 * {@code hybrid attack}: an adversarial tenant against the whole simulated system, beside an honest one, checking that
 * every attempt is refused or contained and that the honest tenant loses nothing. Blocking code on plain threads.
 */
package io.hybridllm.launcher.attack;
