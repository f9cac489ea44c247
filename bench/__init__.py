"""Evaluation harness for articlecli: scoring, peers, reports and the quality gate."""
