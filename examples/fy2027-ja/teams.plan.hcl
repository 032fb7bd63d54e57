# 3つのチームが SAL・SQL・受注を受け持つ。能力は IME で打つとおりに書ける:
# 「月40件」「12件/人月」(1人が1か月にこなす数)。

team "inside_sales" {
  title       = "インサイドセールス"
  description = "SAL を架電し、商談を設定する。1人が1か月に40件。必要人数 1,157件 ÷ 12か月 ÷ 40件 = 2.4人。"
  headcount   = 3
  capacity    = "月40件"
}

team "field_sales" {
  title       = "フィールドセールス"
  description = "SQL の商談を進める。1人が1か月に新しく12件。必要人数 551件 ÷ 12か月 ÷ 12件 = 3.8人。"
  headcount   = 4
  capacity    = "12件/人月"
}

team "customer_success" {
  title       = "カスタマーサクセス"
  description = "受注した顧客のオンボーディング。1人が1か月に5社。必要人数 121社 ÷ 12か月 ÷ 5社 = 2.0人。"
  headcount   = 3
  capacity    = "月5社"
}
