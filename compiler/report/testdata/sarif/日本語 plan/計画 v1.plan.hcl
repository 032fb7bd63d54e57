plan {
  title = "日本語の計画 🚀"
}

kpi "売上" {
  title = "売上 🚀"
  value = "4.8億円 🚀"
}

kpi "単価" { value = "240万円" }
kpi "件数" { formula = kpi.売上 / kpi.単価x }
