# 3つのチームが SAL・SQL・受注を受け持つ。能力は IME で打つとおりに書ける:
# 「月40件」「12件/人月」(1人が1か月にこなす数)。人数は年平均ではなく、
# 四半期末の山の月に足りるように決める(planc は月ごとに確かめる)。

team "inside_sales" {
  title       = "インサイドセールス"
  description = "SAL を架電し、商談を設定する。1人が1か月に40件。年平均の必要人数は 1,157件 ÷ 12か月 ÷ 40件 = 2.4人、山の11月は 3.4人。"
  headcount   = 4
  capacity    = "月40件"
}

team "field_sales" {
  title       = "フィールドセールス"
  description = "SQL の商談を進める。1人が1か月に新しく12件。年平均の必要人数は 551件 ÷ 12か月 ÷ 12件 = 3.8人、四半期末の月は 6.4人。"
  headcount   = 7
  capacity    = "12件/人月"
}

team "customer_success" {
  title       = "カスタマーサクセス"
  description = "受注した顧客のオンボーディング。1人が1か月に5社。年平均の必要人数は 121社 ÷ 12か月 ÷ 5社 = 2.0人、3月は 3.4人。"
  headcount   = 4
  capacity    = "月5社"
}
