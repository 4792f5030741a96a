module disclose

go 1.26.0

require (
	github.com/yuin/goldmark v1.8.7
	golang.org/x/text v0.44.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/go-echarts/go-echarts/v2 v2.6.7 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3 // indirect
)
