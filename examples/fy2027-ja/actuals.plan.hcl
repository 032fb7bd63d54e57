# 第1四半期(4月〜6月)の実績: CRM から書き出した月別の件数とチャネルの費用。
# planc track examples/fy2027-ja で計画と比べる(サイトの Progress ページにも出る)。

actuals "crm" {
  title = "CRM 実績(第1四半期)"
  file  = "actuals/fy2027-q1.csv"
  as_of = "2027-06-30"
}
