# 部門の人数(headcount)と、1人が1か月に処理できる件数(capacity)。
# 部門が担当する段階の件数を計画期間の12か月で割ったものが月あたりの負荷
# (load)で、負荷 / 処理能力 が必要人数(required)。必要人数が人数を超えると
# planc はエラー(over-capacity)を出す。

team "inside_sales" {
  title       = "インサイドセールス部"
  owner       = "営業本部長"
  description = "1人が1か月に設定できる商談は20件: 1日あたり約40件の架電・メールから。必要人数 100件/月 ÷ 20件 = 5人。"
  headcount   = 6
  capacity    = "20件/月"
}

team "field_sales" {
  title       = "フィールドセールス部"
  owner       = "営業本部長"
  description = "1人が1か月に新しく受け持てる案件は8件(商談期間は平均90日なので、常時約24件を担当)。必要人数 50件/月 ÷ 8件 = 6.25人。"
  headcount   = 7
  capacity    = "8件/月"
}

team "customer_success" {
  title       = "カスタマーサクセス部"
  owner       = "COO"
  description = "1人が1か月に更新を迎える顧客10社を担当する(年間契約なので、1人あたり約120社を受け持つ)。必要人数 40社/月 ÷ 10社 = 4人。新規顧客のオンボーディングも担う。"
  headcount   = 5
  capacity    = "10社/月"
}
