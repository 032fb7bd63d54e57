package i18n

// The KPI tree (tree.html) and the lineage (lineage.html).
func init() {
	register(map[string]string{
		"Each goal broken down by the formulas that define it, down to the values the plan gives. Read each branch as an equation: a value is made of the values it branches into, joined by the operator at the branch (revenue = won deals × deal size). A value used in more than one place is drawn once; elsewhere it is a link (↗) to it. Select a value to open its page.": "目標(KGI)を、それを定義する式で、計画が与える値まで分解したもの。枝分かれは式として読む: 値は、枝の先の値を分かれ目の演算子で組み合わせたもの(売上 = 受注数 × 受注単価)。複数の場所で使う値は一度だけ描き、ほかの場所ではそこへのリンク(↗)になる。値を選ぶとそのページを開く。",
		"See every dependency on the lineage page.": "すべての依存関係は依存関係のページへ。",
		"drawn elsewhere":   "別の場所に描いた値",
		"part of a formula": "式の一部",
		"Other KPIs":        "その他のKPI",
		"KPIs that no goal’s tree reaches, each a tree of its own.": "目標のツリーに含まれない KPI。それぞれを一つのツリーとして描く。",
		"KPI trees":              "KPIのツリー",
		"KPI tree: %s, %d nodes": "KPIツリー: %s(%d ノード)",
		"Not in the tree":        "ツリーにない値",
		"Values that no goal or KPI is made of: budget caps, shares, team loads and the like. The lineage page draws how they are computed.": "どの目標・KPIの計算にも使われない値(予算の上限、構成比、部門の負荷など)。どう計算されるかは依存関係のページに描いている。",
		"%s: %s, drawn once elsewhere in the tree":             "%s: %s(ツリーの別の場所に描いた値)",
		"the constant %s":                                      "定数 %s",
		"part of a formula: %s":                                "式の一部: %s",
		"equal to the value to its right":                      "右の値と等しい",
		"the values to the right and below multiplied":         "右と下の値の積",
		"the value to the right divided by the one below":      "右の値を下の値で割ったもの",
		"the values to the right and below added up":           "右と下の値の和",
		"the value to the right less the ones below":           "右の値から下の値を引いたもの",
		"the function %s of the values to the right and below": "右と下の値の関数 %s",
		"Lineage":              "依存関係",
		"See the KPI tree.":    "KPIツリーを見る。",
		"Lineage of %d values": "%d 個の値の依存関係",
		"This tree has more than %d values, too many to draw legibly: here it is as an outline.":                                                                                                                                                                                "このツリーは %d 個を超える値があり、図では読み取れないため、アウトラインで示す。",
		"This plan has %d values, more than the %d the lineage draws legibly. Each value’s page lists the values it is computed from and those it feeds.":                                                                                                                       "この計画には %d 個の値があり、依存関係の図で読み取れる %d 個を超えている。各値のページに、計算のもとになる値と、その値を使う値を示している。",
		"Every value of the plan with the values it is computed from, relations included: the dependency graph that the KPI tree simplifies. A value that feeds more than one other value is drawn once; its further uses are the dashed lines. Select a box to open its page.": "計画のすべての値を、計算のもとになる値(関係式を含む)とともに描いた依存関係のグラフ。KPIツリーはこれを簡略化したもの。複数の値に使われる値は一度だけ描き、ほかの使われ方は破線で示す。箱を選ぶとその値のページを開く。",
	})
}
