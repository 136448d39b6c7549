/**
 * Reading the Open Bandit Dataset (Saito et al. 2020, arXiv:2008.07146; github.com/st-tech/zr-obp) into logged
 * bandit rounds, to validate the off-policy estimators on real logs. This package reads files; the estimators in
 * {@code dev.herald.learn.ope} do not.
 */
package dev.herald.learn.ope.obd;
