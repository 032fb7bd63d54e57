# The standard checks' defaults, written as the rule blocks a plan uses to
# change them. A plan's own rule "CODE" { ... } block overrides these
# attribute by attribute; see "Rules" in lang/README.md.

# CAC payback: months of gross profit from a customer needed to earn back what
# winning it cost. 6 to 12 months is the common guideline for B2B SaaS;
# longer ties up cash in growth.
rule "payback-too-long" {
  max = "12 months"
}

# LTV / CAC: what a customer is worth against what winning one costs. Below
# 3x, acquisition spends too much of what customers bring.
rule "ltv-cac-low" {
  min = 3
}

# A conversion rate outside every published range for its step is either a
# very different stage definition or wishful thinking; the warning cites the
# sources so the team can decide which.
rule "benchmark-outlier" {
  enabled = true
}

# A stage whose own conversion (what it made of the actual entries of the
# stage before) is behind its plan by more than this share of the plan:
# smaller gaps are noise in a month or two of data.
rule "behind-plan" {
  max = "10%"
}
