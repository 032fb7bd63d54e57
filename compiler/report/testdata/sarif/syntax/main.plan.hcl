plan { title = "Broken" }

kpi "cvr" {
  value = "30%"
